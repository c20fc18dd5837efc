package com.incidents.severity.policy.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.model.ReloadAttempt;

/**
 * RFC 9457 problem body for a refused reload, with the extension members {@code versionInForce},
 * {@code candidateVersion}, {@code diagnostics} (what refused it) and {@code warnings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyRefusedProblem(String type, String title, int status, String detail, String versionInForce,
        String candidateVersion, List<PolicyDiagnostic> diagnostics, List<PolicyDiagnostic> warnings) {

    static PolicyRefusedProblem of(ReloadAttempt attempt) {
        int count = attempt.diagnostics().size();
        String kept = attempt.versionInForce() == null ? "no policy is in force"
                : "version " + attempt.versionInForce() + " stays in force";
        return new PolicyRefusedProblem("/problems/policy-refused", "The policy was refused", 422,
                count + (count == 1 ? " problem" : " problems") + " in " + attempt.origin() + "; " + kept,
                attempt.versionInForce(), attempt.candidateVersion(), attempt.diagnostics(), attempt.warnings());
    }
}
