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

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieRuntimeFactory;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
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

/**
 * Builds the files of a policy into one knowledge base with Drools (DMN models and DRL rules
 * together) and checks it has what the service needs. Two walls keep a policy from running code:
 * the first ({@link PolicySafety}) refuses files outside what a policy may contain and hands over
 * Drools' parse of each DRL file, which is built as it is (a descr resource: what was checked is
 * what runs, with no second parse of the text); the second ({@link PolicyClassLoader}) is the class
 * loader the rules are compiled and run with, which offers them no class outside its allow-list.
 * The rules are built as the executable model ({@link ExecutableRules}): Java behind that loader,
 * with no MVEL interpretation of rule text at run time; the DMN models join them in the same kbase.
 */
public final class PolicyCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final List<String> SEVERITY_DECISIONS = List.of(CAPABILITY_LOOKUP, IMPACT_BAND, IMPACT_SEVERITY,
            CAPABILITY_SEVERITY, ESCALATION_SEVERITY);

    private final Function<PolicyFiles, CheckedPolicy> firstWall;
    private final UnaryOperator<ClassLoader> secondWall;

    /** The compiler the service uses: both walls. */
    public PolicyCompiler() {
        this(PolicySafety::check, PolicyClassLoader::new);
    }

    /**
     * A compiler with the given walls: the check that refuses files and parses the DRL, and the
     * class loader the rules get, made over the service's own. The service uses both real walls;
     * tests put one of them aside to show the other holds alone.
     */
    public PolicyCompiler(Function<PolicyFiles, CheckedPolicy> firstWall, UnaryOperator<ClassLoader> secondWall) {
        this.firstWall = firstWall;
        this.secondWall = secondWall;
    }

    public CompiledPolicy compile(PolicyFiles files) {
        CheckedPolicy checked = firstWall.apply(files);
        if (!checked.refusals().isEmpty()) {
            throw new PolicyBuildException(checked.refusals());
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.incidents.policy", "severity-policy",
                "1.0." + BUILDS.incrementAndGet());
        ClassLoader wall = secondWall.apply(PolicyCompiler.class.getClassLoader());
        PolicyKieBase kieBase;
        List<KnowledgeBuilderResult> results = new ArrayList<>();
        InternalKnowledgeBase base;
        try {
            kieBase = PolicyKieBase.of(files);
            Map<String, PackageDescr> drl = new LinkedHashMap<>();
            checked.drl().forEach((path, descr) -> {
                if (kieBase.includes(path)) {
                    drl.put(path, descr);
                }
            });
            ExecutableRules rules = ExecutableRules.build(drl, wall, releaseId);
            results.addAll(rules.results());
            ClassLoader loader = ExecutableRules.loaderOf(rules.models(), wall);
            base = kieBase.newBase(loader);
            if (!rules.models().isEmpty()) {
                base.addPackages(new KiePackagesBuilder(base.getKieBaseConfiguration(),
                        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader), rules.models())
                        .build().getKiePackages());
            }
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(base,
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader));
            CompositeKnowledgeBuilder batch = builder.batch();
            files.files().forEach((path, content) -> {
                if (path.endsWith(".dmn") && kieBase.includes(path)) {
                    batch.add(ResourceFactory.newByteArrayResource(content).setSourcePath(path), ResourceType.DMN);
                }
            });
            batch.build();
            results.addAll(builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING));
        } catch (RuntimeException | LinkageError e) { // e.g. a DMN file that is not well-formed XML
            throw new PolicyBuildException(List.of(PolicyDiagnostic.error(suspect(files, e), null,
                    "The files cannot be built: " + rootMessage(e))));
        }
        List<PolicyDiagnostic> errors = new ArrayList<>();
        List<PolicyDiagnostic> warnings = new ArrayList<>();
        for (KnowledgeBuilderResult m : results) {
            String path = m.getResource() == null ? null : m.getResource().getSourcePath();
            int line = m.getLines() == null || m.getLines().length == 0 ? 0 : m.getLines()[0];
            PolicyDiagnostic d = new PolicyDiagnostic(m.getSeverity() == ResultSeverity.ERROR ? "ERROR" : "WARNING",
                    strip(path), null, line > 0 ? "line " + line : null, m.getMessage());
            (m.getSeverity() == ResultSeverity.ERROR ? errors : warnings).add(d);
        }
        if (!errors.isEmpty()) {
            throw new PolicyBuildException(errors);
        }
        KieBase kbase = base;
        DMNRuntime dmn = KieRuntimeFactory.of(kbase).get(DMNRuntime.class);
        DMNModel severity = model(dmn, SEVERITY_MODEL, errors);
        DMNModel targets = model(dmn, TARGETS_MODEL, errors);
        Map<String, DecisionTableInfo> tables = new LinkedHashMap<>();
        for (DMNModel m : dmn.getModels()) {
            TableReader.read(m).forEach(t -> tables.put(t.model() + "/" + t.decision(), t));
        }
        requireDecisions(severity, SEVERITY_DECISIONS, tables, errors);
        requireDecisions(targets, List.of(RESPONSE_TARGETS), tables, errors);
        requireRuleTypes(kbase, errors);
        if (!errors.isEmpty()) {
            throw new PolicyBuildException(errors);
        }
        Catalog catalog = catalog(tables.get(SEVERITY_MODEL + "/" + CAPABILITY_LOOKUP));
        InputTypes inputTypes = TypeReader.read(severity, targets);
        return new CompiledPolicy(files, releaseId, kbase, dmn, severity, targets, Collections.unmodifiableMap(tables), catalog,
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
