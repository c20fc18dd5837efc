package com.incidents.severity.draft.model;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;

/**
 * What a reload would say of a draft's files: whether it would accept them, the Drools build's
 * findings and the DMN validator's (each placed on its file, table and rule; the validator's
 * warnings are its decision-table analysis: gaps, overlaps, masked rows), every scenario row with
 * its expected and actual values, and the findings that refuse it.
 */
public record ValidationReport(boolean accepted, boolean built, List<PolicyDiagnostic> build,
        List<PolicyDiagnostic> validation, List<ScenarioResult> scenarios, long scenariosFailed,
        List<PolicyDiagnostic> blocking, long durationMs) {
}
