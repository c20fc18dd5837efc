package com.incidents.severity.policy.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.model.ReloadAttempt;

/**
 * RFC 9457 problem body for a refused policy (a reload, or a candidate sent to preview), with the
 * extension members {@code versionInForce}, {@code candidateVersion}, {@code diagnostics} (what
 * refused it) and {@code warnings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyRefusedProblem(String type, String title, int status, String detail, String versionInForce,
        String candidateVersion, List<PolicyDiagnostic> diagnostics, List<PolicyDiagnostic> warnings) {

    public static final String TYPE = "/problems/policy-refused";
    public static final String TITLE = "The policy was refused";

    static PolicyRefusedProblem of(ReloadAttempt attempt) {
        String kept = attempt.versionInForce() == null ? "no policy is in force"
                : "version " + attempt.versionInForce() + " stays in force";
        return new PolicyRefusedProblem(TYPE, TITLE, 422,
                problems(attempt.diagnostics()) + " in " + attempt.origin() + "; " + kept,
                attempt.versionInForce(), attempt.candidateVersion(), attempt.diagnostics(), attempt.warnings());
    }

    /** Candidate files checked as a reload would check them (a preview), refused: nothing was put in force. */
    public static PolicyRefusedProblem candidate(String versionInForce, String candidateVersion,
            List<PolicyDiagnostic> diagnostics, List<PolicyDiagnostic> warnings) {
        return new PolicyRefusedProblem(TYPE, TITLE, 422,
                problems(diagnostics) + " in the candidate " + candidateVersion + "; a reload would refuse it",
                versionInForce, candidateVersion, diagnostics, warnings);
    }

    private static String problems(List<PolicyDiagnostic> diagnostics) {
        return diagnostics.size() + (diagnostics.size() == 1 ? " problem" : " problems");
    }
}
