package com.incidents.severity.policy.service;

import java.util.List;

import com.incidents.severity.decision.engine.PolicyEngine;
import com.incidents.severity.policy.load.PolicyCompiler;
import com.incidents.severity.policy.load.PolicyFiles;
import com.incidents.severity.policy.model.PolicyBuildException;
import com.incidents.severity.policy.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.scenario.ScenarioRunner;

/** Everything a policy must pass before it may serve: the Drools build, the contract, the scenarios. */
public final class PolicyLoader {

    private final long cacheEntries;
    private final int verifySamples;

    public PolicyLoader(long cacheEntries, int verifySamples) {
        this.cacheEntries = cacheEntries;
        this.verifySamples = verifySamples;
    }

    /** A policy engine ready to serve, or a {@link PolicyBuildException} naming every problem. */
    public PolicyEngine load(PolicyFiles files) {
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(files), cacheEntries, verifySamples);
        List<PolicyDiagnostic> failures = ScenarioRunner.run(engine, files).stream()
                .filter(r -> !r.passed())
                .map(PolicyLoader::diagnostic)
                .toList();
        if (!failures.isEmpty()) {
            throw new PolicyBuildException(failures);
        }
        return engine;
    }

    private static PolicyDiagnostic diagnostic(ScenarioResult r) {
        String message = r.error() != null ? "Scenario '" + r.description() + "': " + r.error()
                : "Scenario '" + r.description() + "' expects " + r.expectedSeverity() + " (" + r.expectedBasis()
                        + ") but the policy gives " + r.actualSeverity() + " (" + r.actualBasis() + ")";
        return new PolicyDiagnostic("ERROR", r.file(), null, "line " + r.line(), message);
    }
}
