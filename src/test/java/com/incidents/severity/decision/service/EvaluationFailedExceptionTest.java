package com.incidents.severity.decision.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.problem.Problem;

/** A failed evaluation answers a 500 that says where it was recorded and logged, and hides the engine's message. */
class EvaluationFailedExceptionTest {

    @Test
    void theProblemNamesTheRecordAndTheErrorIdAndKeepsTheCause() {
        EvaluationException cause = new EvaluationException("Model 'x' failed: secret FEEL detail",
                new ArithmeticException("/ by zero"));
        EvaluationFailedException e = new EvaluationFailedException("decision-1", "error-1", cause);
        Problem problem = e.problem();

        assertEquals(500, problem.status());
        assertEquals("/problems/evaluation-failed", problem.type());
        assertEquals("error-1", problem.errorId());
        assertTrue(problem.detail().contains("recorded in the audit trail as decision decision-1"), problem.detail());
        assertTrue(problem.detail().contains("error-1"), problem.detail());
        assertFalse(problem.detail().contains("secret"), problem.detail());
        assertSame(cause, e.getCause());
        assertEquals("/ by zero", e.getCause().getCause().getMessage());
    }
}
