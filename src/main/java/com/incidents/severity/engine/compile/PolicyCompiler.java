package com.incidents.severity.engine.compile;

import static com.incidents.severity.engine.model.PolicyContract.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieRuntimeFactory;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;

import com.incidents.severity.engine.model.CapabilityEntry;
import com.incidents.severity.engine.model.Catalog;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.FeelLiterals;
import com.incidents.severity.engine.model.InputTypes;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.RuleRow;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.PolicyFiles;

/** Builds the files of a policy into a KIE module with Drools and checks it has what the service needs. */
public final class PolicyCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final List<String> SEVERITY_DECISIONS = List.of(CAPABILITY_LOOKUP, IMPACT_BAND, IMPACT_SEVERITY,
            CAPABILITY_SEVERITY, ESCALATION_SEVERITY);

    public CompiledPolicy compile(PolicyFiles files) {
        List<PolicyDiagnostic> refused = PolicySafety.refusals(files);
        if (!refused.isEmpty()) {
            throw new PolicyBuildException(refused);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.incidents.policy", "severity-policy",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.files().forEach((path, content) -> {
            if (path.equals("META-INF/kmodule.xml")) {
                kfs.writeKModuleXML(content);
            } else if (path.endsWith(".dmn") || path.endsWith(".drl")) {
                kfs.write("src/main/resources/" + path, content);
            }
        });
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) { // e.g. a DMN file that is not well-formed XML
            throw new PolicyBuildException(List.of(PolicyDiagnostic.error(suspect(files, e), null,
                    "The files cannot be built: " + rootMessage(e))));
        }
        List<PolicyDiagnostic> errors = new ArrayList<>();
        List<PolicyDiagnostic> warnings = new ArrayList<>();
        for (Message m : builder.getResults().getMessages()) {
            PolicyDiagnostic d = new PolicyDiagnostic(m.getLevel().name(), strip(m.getPath()), null,
                    m.getLine() > 0 ? "line " + m.getLine() : null, m.getText());
            (m.getLevel() == Message.Level.ERROR ? errors : warnings).add(d);
        }
        if (!errors.isEmpty()) {
            throw new PolicyBuildException(errors);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        ks.getRepository().removeKieModule(releaseId);
        KieBase kieBase = container.getKieBase();
        DMNRuntime dmn = KieRuntimeFactory.of(kieBase).get(DMNRuntime.class);
        DMNModel severity = model(dmn, SEVERITY_MODEL, errors);
        DMNModel targets = model(dmn, TARGETS_MODEL, errors);
        Map<String, DecisionTableInfo> tables = new LinkedHashMap<>();
        for (DMNModel m : dmn.getModels()) {
            TableReader.read(m).forEach(t -> tables.put(t.model() + "/" + t.decision(), t));
        }
        requireDecisions(severity, SEVERITY_DECISIONS, tables, errors);
        requireDecisions(targets, List.of(RESPONSE_TARGETS), tables, errors);
        requireRuleTypes(kieBase, errors);
        if (!errors.isEmpty()) {
            throw new PolicyBuildException(errors);
        }
        Catalog catalog = catalog(tables.get(SEVERITY_MODEL + "/" + CAPABILITY_LOOKUP));
        InputTypes inputTypes = TypeReader.read(severity, targets);
        return new CompiledPolicy(files, releaseId, kieBase, dmn, severity, targets, Collections.unmodifiableMap(tables), catalog,
                inputTypes, List.copyOf(warnings), Instant.now());
    }

    private static DMNModel model(DMNRuntime dmn, String name, List<PolicyDiagnostic> errors) {
        Optional<DMNModel> model = dmn.getModels().stream().filter(m -> name.equals(m.getName())).findFirst();
        if (model.isEmpty()) {
            errors.add(PolicyDiagnostic.error(null, null, "No DMN model named '" + name + "'"));
        }
        return model.orElse(null);
    }

    private static void requireDecisions(DMNModel model, List<String> names, Map<String, DecisionTableInfo> tables,
            List<PolicyDiagnostic> errors) {
        if (model == null) {
            return;
        }
        for (String name : names) {
            if (!tables.containsKey(model.getName() + "/" + name)) {
                errors.add(PolicyDiagnostic.error(null, name,
                        "Model '" + model.getName() + "' needs a decision table named '" + name + "'"));
            }
        }
    }

    /** What the service asks of the DRL: its declared fact types and the "more severe" query. */
    private static void requireRuleTypes(KieBase kieBase, List<PolicyDiagnostic> errors) {
        for (String type : List.of(DRL_ASSESSMENT, DRL_COMPARISON)) {
            if (kieBase.getFactType(DRL_PACKAGE, type) == null) {
                errors.add(PolicyDiagnostic.error(null, null,
                        "The DRL must declare the type '" + type + "' in package '" + DRL_PACKAGE + "'"));
            }
        }
        if (kieBase.getQuery(DRL_PACKAGE, DRL_MORE_SEVERE) == null) {
            errors.add(PolicyDiagnostic.error(null, null,
                    "The DRL must define the query \"" + DRL_MORE_SEVERE + "\" in package '" + DRL_PACKAGE + "'"));
        }
    }

    /** The catalog: each row of the lookup table that names a capability with a string literal. */
    private static Catalog catalog(DecisionTableInfo lookup) {
        List<CapabilityEntry> entries = new ArrayList<>();
        for (RuleRow row : lookup.rules()) {
            String name = FeelLiterals.stringOrNull(row.inputEntries().get(0));
            if (name != null) {
                entries.add(new CapabilityEntry(name, FeelLiterals.stringOrNull(row.outputEntries().get("tier")),
                        FeelLiterals.stringOrNull(row.outputEntries().get("catalog")), row.annotation()));
            }
        }
        return new Catalog(entries);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getMessage() != null && !e.getMessage().equals(message) ? e.getMessage() + ": " + message : message;
    }

    /** The file the failure names, if it names one. */
    private static String suspect(PolicyFiles files, Throwable e) {
        String text = rootMessage(e) + " " + e;
        return files.files().keySet().stream().filter(text::contains).findFirst().orElse(null);
    }

    private static String strip(String path) {
        return path == null ? null : path.replaceFirst("^src/main/resources/", "");
    }
}
