package com.incidents.severity.decision.rest;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.audit.service.AuditService;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionRecorder;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.request.DecisionRequest;

/**
 * Test-only recorder, enabled by {@link FailingRecorderTest}'s profile: a request with 13 partner
 * reports meets a bug thrown at once, 14 a bug in the recording stage, 15 an audit store that is
 * down, 17 notes its thread; every other request is recorded by the real audit trail.
 */
@Alternative // no @Priority: that would enable it in every test, not only in its profile
@ApplicationScoped
public class FailingRecorder implements DecisionRecorder {

    static final String SECRET = "secret-recorder-detail-77";
    static final String STORE_ERROR_ID = "store-error-id";

    /**
     * For each decision with 17 partner reports: whether it was recorded on a Vert.x event-loop
     * thread. A decision the engine made is recorded on the thread the engine ran on, just after;
     * one answered from the engine's earlier outcome for the same facts, on the thread it was
     * answered on.
     */
    static final java.util.Queue<Boolean> ON_EVENT_LOOP = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Inject
    AuditService audit;

    @Override
    public CompletableFuture<Void> recordDecision(Decision decision, Outcome outcome, DecisionRequest request,
            PolicyEngine engine, Caller caller, long micros, com.incidents.severity.decision.model.Attached attached) {
        Long reports = request.facts().partnerReports();
        if (reports != null && reports == 17) {
            ON_EVENT_LOOP.add(io.vertx.core.Context.isOnEventLoopThread());
        }
        if (reports != null && reports == 13) {
            throw new IllegalStateException(SECRET);
        }
        if (reports != null && reports == 14) {
            return CompletableFuture.failedFuture(new NullPointerException(SECRET));
        }
        if (reports != null && reports == 15) {
            return CompletableFuture.failedFuture(new AuditUnavailableException("The audit store is unavailable",
                    "The audit store failed to record this decision", STORE_ERROR_ID, new SQLException(SECRET)));
        }
        return audit.recordDecision(decision, outcome, request, engine, caller, micros, attached);
    }

    @Override
    public CompletableFuture<Void> recordFailure(String decisionId, DecisionRequest request, PolicyEngine engine,
            Caller caller, long micros, String error) {
        return audit.recordFailure(decisionId, request, engine, caller, micros, error);
    }
}
