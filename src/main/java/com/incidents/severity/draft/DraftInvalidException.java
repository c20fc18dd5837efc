package com.incidents.severity.draft;

import com.incidents.severity.policy.rest.PolicyRefusedProblem;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** A publish of a draft that a reload would refuse (422): a refused reload's body, naming every finding. */
public class DraftInvalidException extends ProblemException {

    private final transient PolicyRefusedProblem body;

    public DraftInvalidException(PolicyRefusedProblem body) {
        super(body.detail(), new Problem(body.type(), body.title(), body.status(), body.detail(), null,
                java.util.List.of()));
        this.body = body;
    }

    @Override
    public PolicyRefusedProblem body() {
        return body;
    }
}
