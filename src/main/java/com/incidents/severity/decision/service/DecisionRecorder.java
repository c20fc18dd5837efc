package com.incidents.severity.decision.service;

import java.util.concurrent.CompletableFuture;

import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.request.DecisionRequest;

/**
 * Where decisions are recorded before they are answered; the audit trail implements it. Each
 * returned stage completes once the record is durable, or fails if it cannot be made so.
 */
public interface DecisionRecorder {

    default CompletableFuture<Void> recordDecision(Decision decision, Outcome outcome, DecisionRequest request,
            PolicyEngine engine, Caller caller, long micros) {
        return recordDecision(decision, outcome, request, engine, caller, micros, null);
    }

    /** With {@code attached} (may be null) in the record and in its transaction. */
    CompletableFuture<Void> recordDecision(Decision decision, Outcome outcome, DecisionRequest request,
            PolicyEngine engine, Caller caller, long micros, com.incidents.severity.decision.model.Attached attached);

    CompletableFuture<Void> recordFailure(String decisionId, DecisionRequest request, PolicyEngine engine,
            Caller caller, long micros, String error);
}
