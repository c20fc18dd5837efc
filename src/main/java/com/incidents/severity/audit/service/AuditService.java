package com.incidents.severity.audit.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.decision.model.Attached;
import com.incidents.severity.problem.ErrorIds;
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

    private static final Logger LOG = Logger.getLogger(AuditService.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    @Inject
    AuditConfig config;

    @Inject
    AuditRecords records;

    @Inject
    AuditTraces traces;

    @Inject
    AuditWriter writer;

    @Inject
    AuditDatabase database;

    @Override
    public CompletableFuture<Void> recordDecision(Decision d, Outcome outcome, DecisionRequest request,
            PolicyEngine engine, Caller caller, long micros, Attached attached) {
        if (!config.enabled()) {
            return attached == null ? DONE : unaudited(attached);
        }
        AuditEntry.Trace trace = traces.trace(outcome, engine);
        String record = records.decided(d, trace, request, caller, micros, attached);
        return writer.append(new AuditEntry(d.decisionId(), d.decidedAt(), caller.name(), caller.label(), engine.policy().files(), "DECIDED",
                d.severity(), d.basis(), request.facts().capability(), micros, record, trace,
                attached == null ? null : attached.rows()));
    }

    /** With the audit trail off, what a decision carries is still written, in a transaction of its own. */
    private CompletableFuture<Void> unaudited(Attached attached) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                attached.rows().write(c);
                c.commit();
                return DONE;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (Attached.Refused e) {
            return CompletableFuture.failedFuture(e.problem());
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(new AuditUnavailableException("The database is unavailable",
                    "The database failed to store this decision's incident state; retry it once it is back",
                    ErrorIds.logged(LOG, e, "Could not write an unaudited decision's rows"), e));
        }
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
