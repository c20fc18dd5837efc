package com.incidents.severity.engine.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * Whether a policy may be handed to the KIE validator and to Drools at all: a policy is data, and
 * must not be able to run code, read files or fetch URLs while it is checked or while it serves.
 * Runs on the raw files, before any other parser: the file names ({@link PolicyFiles#unsafePath}),
 * the XML files ({@link SafeXml}: no DOCTYPE, bounded depth, FEEL functions only, a plain
 * kmodule.xml) and the DRL files ({@link DrlAllowList}). Each refusal names the file, the line and
 * the construct. This is a security check; whether outcomes may be cached is {@code CacheSafety}'s
 * question, asked later of a policy that passed this one.
 */
public final class PolicySafety {

    private PolicySafety() {
    }

    /** The reasons these files may not be built; empty when every file keeps to what a policy may contain. */
    public static List<PolicyDiagnostic> refusals(PolicyFiles files) {
        return check(files).refusals();
    }

    /** The refusals, and the parse of the DRL files the check read (what {@link PolicyCompiler} builds). */
    public static CheckedPolicy check(PolicyFiles files) {
        List<PolicyDiagnostic> problems = new ArrayList<>();
        Map<String, String> drl = new LinkedHashMap<>();
        files.files().forEach((path, content) -> {
            String unsafe = PolicyFiles.unsafePath(path);
            if (unsafe != null) {
                problems.add(PolicyDiagnostic.error(path, null,
                        "the file name is not a relative path inside the policy: it has " + unsafe));
            } else if (path.endsWith(".dmn") || path.endsWith(".xml")) {
                problems.addAll(SafeXml.check(path, content));
            } else if (path.endsWith(".drl")) {
                drl.put(path, new String(content, StandardCharsets.UTF_8));
            }
        });
        CheckedPolicy rules = DrlAllowList.check(drl);
        problems.addAll(rules.refusals());
        return new CheckedPolicy(problems, rules.drl());
    }
}
