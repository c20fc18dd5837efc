package com.incidents.severity.preview.model;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.scenario.ScenarioResult;

/**
 * What the service thinks of candidate files, as the editor shows it while an editor works: every
 * finding of the checks a reload makes, each placed at its file, table and rule, and every
 * scenario row's result with its expected and actual values. No decision is replayed.
 *
 * @param accepted whether a reload would put the candidate in force
 * @param built whether Drools built it (the scenarios run only then)
 * @param build the Drools build's findings
 * @param validation the DMN validator's findings: schema, model and the decision-table analysis (gaps,
 *            overlaps, masked rows)
 * @param other what else refuses the candidate (the policy check, a setting), scenario failures left out
 * @param scenarios every scenario row's result, in file and row order
 */
public record CheckReport(String candidateVersion, String versionInForce, boolean accepted, boolean built,
        List<PolicyDiagnostic> build, List<PolicyDiagnostic> validation, List<PolicyDiagnostic> other,
        List<ScenarioResult> scenarios, long durationMs) {
}
