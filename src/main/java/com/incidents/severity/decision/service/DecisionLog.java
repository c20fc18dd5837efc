package com.incidents.severity.decision.service;

/**
 * The MDC keys of log lines about a decision: in JSON logs they appear under {@code mdc}, so every
 * line about one decision can be found by its id, or by who asked.
 */
public final class DecisionLog {

    public static final String DECISION_ID = "decisionId";
    public static final String CALLER = "caller";

    private DecisionLog() {
    }
}
