package com.incidents.severity.decision.service;

import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * The policy in force failed on a request: a 500 for the caller, after the failure was recorded in
 * the audit trail as {@code decisionId} and its cause logged under {@code errorId}.
 */
public class EvaluationFailedException extends ProblemException {

    public EvaluationFailedException(String decisionId, String errorId, EvaluationException cause) {
        super(cause.getMessage(), Problem.logged("evaluation-failed", "The policy could not be evaluated", 500,
                "The policy in force failed on this request; the failure is recorded in the audit trail as decision "
                        + decisionId + " and logged for the policy editors",
                errorId), cause);
    }
}
