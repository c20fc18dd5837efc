package com.incidents.severity.preview;

import com.incidents.severity.policy.rest.PolicyRefusedProblem;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * A candidate policy that a reload would refuse. The caller gets the body a refused reload gets
 * ({@link PolicyRefusedProblem}: diagnostics with file, table and rule, warnings, both versions).
 */
public class CandidateRefusedException extends ProblemException {

    private final transient PolicyRefusedProblem body;

    public CandidateRefusedException(PolicyRefusedProblem body) {
        super(body.detail(), new Problem(body.type(), body.title(), body.status(), body.detail(), null,
                java.util.List.of()));
        this.body = body;
    }

    @Override
    public PolicyRefusedProblem body() {
        return body;
    }
}
