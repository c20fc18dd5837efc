package com.incidents.severity.preview;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/** A candidate policy that would be refused at reload, with the diagnostics that say why. */
public class CandidateRefusedException extends RuntimeException {

    private final transient List<PolicyDiagnostic> diagnostics;

    public CandidateRefusedException(List<PolicyDiagnostic> diagnostics) {
        super("The candidate policy is not valid", null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<PolicyDiagnostic> diagnostics() {
        return diagnostics;
    }
}
