package com.incidents.severity.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

import com.incidents.severity.engine.compile.CheckedPolicy;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * Helpers for the tests of the two walls: a first wall that checks nothing (Drools' parse only),
 * running a built policy's rules on a fresh session, and the traces a hostile policy leaves
 * (marker files under target/, System properties named hostile.*).
 */
public final class PolicyRun {

    /** The files and System property prefix the hostile corpus and the fuzz test write when their code runs. */
    public static final List<Path> MARKERS = List.of(Path.of("target/hostile-exec-ran"),
            Path.of("target/hostile-annotation-ran"), Path.of("target/hostile-shell-ran"), Path.of("target/hostile-fos-ran"),
            Path.of("target/hostile-file-ran"), Path.of("target/hostile-fuzz-ran"));
    public static final String PROPERTY_PREFIX = "hostile.";

    private PolicyRun() {
    }

    /** A first wall that refuses nothing: each DRL file as Drools parses it, no allow-list. */
    public static CheckedPolicy parseOnly(PolicyFiles files) {
        Map<String, PackageDescr> drl = new LinkedHashMap<>();
        files.files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                try {
                    DrlParser parser = new DrlParser();
                    PackageDescr descr = parser.parse(false, new String(content, StandardCharsets.UTF_8));
                    if (descr != null && !parser.hasErrors()) {
                        drl.put(path, descr);
                    }
                } catch (Exception e) {
                    // a file Drools cannot parse is left out: the build then misses it
                }
            }
        });
        return new CheckedPolicy(List.of(), drl);
    }

    /** Fires the rules on a fresh session holding one Assessment (bounded, as the service does). */
    public static void fire(KieBase kieBase) throws Exception {
        FactType type = kieBase.getFactType("severity", "Assessment");
        Object assessment = type.newInstance();
        type.set(assessment, "impactBand", "B1");
        type.set(assessment, "impactSeverity", "SEV2");
        type.set(assessment, "capabilitySeverity", "SEV3");
        type.set(assessment, "escalationSeverity", "NONE");
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(assessment);
            session.fireAllRules(1000);
        } finally {
            session.dispose();
        }
    }

    /** The traces hostile code left: marker files that exist, System properties it set. */
    public static List<String> traces() {
        List<String> traces = new java.util.ArrayList<>();
        MARKERS.stream().filter(Files::exists).forEach(p -> traces.add(p.toString()));
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(PROPERTY_PREFIX))
                .forEach(traces::add);
        return traces;
    }

    public static void clearTraces() throws Exception {
        for (Path marker : MARKERS) {
            Files.deleteIfExists(marker);
        }
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(PROPERTY_PREFIX))
                .forEach(System::clearProperty);
    }
}
