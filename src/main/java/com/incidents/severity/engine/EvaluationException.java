package com.incidents.severity.engine;

/** The engine could not evaluate the policy for these facts: a fault of the policy, not of the caller. */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }

    /** Keeps what failed inside the engine, so its stack trace reaches the log. */
    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
