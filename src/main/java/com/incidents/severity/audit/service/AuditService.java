package com.incidents.severity.audit.service;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionRecorder;
import com.incidents.severity.request.DecisionRequest;

/** Records decisions and failed evaluations; the returned stage completes once the record is committed. */
@ApplicationScoped
public class AuditService implements DecisionRecorder {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Inject
    AuditConfig config;

    @Inject
    AuditRecords records;

    @Inject
    AuditTraces traces;

    @Inject
    AuditWriter writer;

    @Override
    public CompletableFuture<Void> recordDecision(Decision d, Outcome outcome, DecisionRequest request,
            PolicyEngine engine, Caller caller, long micros) {
        if (!config.enabled()) {
            return DONE;
        }
        AuditEntry.Trace trace = traces.trace(outcome, engine);
        String record = records.decided(d, trace, request, caller, micros);
        return writer.append(new AuditEntry(d.decisionId(), d.decidedAt(), caller.name(), caller.label(), engine.policy().files(), "DECIDED",
                d.severity(), d.basis(), request.facts().capability(), micros, record, trace));
    }

    @Override
    public CompletableFuture<Void> recordFailure(String decisionId, DecisionRequest request, PolicyEngine engine,
            Caller caller, long micros, String error) {
        if (!config.enabled()) {
            return DONE;
        }
        String record = records.failed(decisionId, request.receivedAt().toString(), request, engine.version(), caller,
                micros, error);
        return writer.append(new AuditEntry(decisionId, request.receivedAt(), caller.name(), caller.label(), engine.policy().files(), "FAILED",
                null, null, request.facts().capability(), micros, record, null));
    }
}
