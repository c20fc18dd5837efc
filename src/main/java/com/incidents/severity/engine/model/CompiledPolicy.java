package com.incidents.severity.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;

import com.incidents.severity.engine.model.Catalog;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * A policy built by Drools and ready to evaluate; immutable once built. {@code releaseId} names the
 * build (each one is new); it is never a module of the KIE repository, the kbase being built directly. {@code inputTypes} holds the
 * allowed values the DMN models declare for their inputs and for the severity.
 */
public record CompiledPolicy(PolicyFiles files, ReleaseId releaseId, KieBase kieBase, DMNRuntime dmn, DMNModel severityModel,
        DMNModel targetsModel, Map<String, DecisionTableInfo> tables, Catalog catalog, InputTypes inputTypes,
        List<PolicyDiagnostic> warnings, Instant loadedAt) {

    public String version() {
        return files.version();
    }

    public DecisionTableInfo table(String model, String decision) {
        return tables.get(model + "/" + decision);
    }
}
