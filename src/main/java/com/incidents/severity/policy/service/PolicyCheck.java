package com.incidents.severity.policy.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;

/**
 * Everything learnt about a candidate policy: the Drools build's findings, the DMN validator's,
 * every scenario's result, and, when nothing blocks it, the engine ready to serve.
 *
 * @param engine the engine to put in force, or null when the candidate is refused
 * @param built whether Drools built the files and the contract names were found
 * @param build the Drools build's errors and warnings, and any missing contract name
 * @param validation the DMN validator's errors and warnings
 * @param scenarios every scenario row's result (none when the build failed)
 * @param blocking the diagnostics that refuse the candidate (empty when accepted)
 * @param durationMs the time taken to build and validate the candidate and run its scenarios
 * @param phases where that time went (validator, Drools build, engine and cache check, scenarios)
 * @param tables the decision tables of the build, by key (empty when it did not build), refused or not:
 *        a draft's diff against its base is shown whether or not the draft passes
 */
public record PolicyCheck(PolicyFiles files, PolicyEngine engine, boolean built, List<PolicyDiagnostic> build,
        List<PolicyDiagnostic> validation, List<ScenarioResult> scenarios, List<PolicyDiagnostic> blocking,
        long durationMs, String phases, Map<String, DecisionTableInfo> tables) {

    /** A check that built no tables. */
    public PolicyCheck(PolicyFiles files, PolicyEngine engine, boolean built, List<PolicyDiagnostic> build,
            List<PolicyDiagnostic> validation, List<ScenarioResult> scenarios, List<PolicyDiagnostic> blocking,
            long durationMs, String phases) {
        this(files, engine, built, build, validation, scenarios, blocking, durationMs, phases, Map.of());
    }

    public boolean accepted() {
        return engine != null;
    }

    /** Every finding, blocking or not, in the order build, validator, scenarios, then the rest. */
    public List<PolicyDiagnostic> diagnostics() {
        LinkedHashSet<PolicyDiagnostic> all = new LinkedHashSet<>(build);
        all.addAll(validation);
        all.addAll(blocking);
        return List.copyOf(all);
    }

    /** The findings that do not refuse the candidate (validator and build warnings), as a reload reports them. */
    public List<PolicyDiagnostic> warnings() {
        return diagnostics().stream().filter(d -> !blocking.contains(d)).toList();
    }

    public long scenariosFailed() {
        return scenarios.stream().filter(r -> !r.passed()).count();
    }
}
