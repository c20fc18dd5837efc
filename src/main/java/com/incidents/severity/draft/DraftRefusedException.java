package com.incidents.severity.draft;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** Base of the refusals of a draft operation: the caller gets the {@link DraftProblem} it carries. */
public abstract class DraftRefusedException extends ProblemException {

    private final transient DraftProblem body;

    protected DraftRefusedException(DraftProblem body) {
        super(body.detail(), new Problem(body.type(), body.title(), body.status(), body.detail(), null,
                java.util.List.of()));
        this.body = body;
    }

    @Override
    public DraftProblem body() {
        return body;
    }
}
