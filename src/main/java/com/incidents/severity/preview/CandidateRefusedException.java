package com.incidents.severity.preview;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** A candidate policy that would be refused at reload, with the diagnostics that say why. */
public class CandidateRefusedException extends ProblemException {

    private final transient List<PolicyDiagnostic> diagnostics;

    public CandidateRefusedException(List<PolicyDiagnostic> diagnostics) {
        super("The candidate policy is not valid", problem(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<PolicyDiagnostic> diagnostics() {
        return diagnostics;
    }

    private static Problem problem(List<PolicyDiagnostic> diagnostics) {
        List<FieldError> errors = diagnostics.stream()
                .map(d -> FieldError.of(d.file() == null ? "policy" : d.file(), d.toString())).toList();
        return new Problem("/problems/policy-refused", "The candidate policy would be refused", 422,
                errors.size() + " problem(s) in the candidate policy", null, errors);
    }
}
