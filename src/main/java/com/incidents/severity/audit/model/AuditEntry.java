package com.incidents.severity.audit.model;

import java.time.Instant;

import com.incidents.severity.engine.model.PolicyFiles;

/**
 * One record on its way to the audit store: {@code record} is its canonical JSON, which names its
 * trace by {@code traceHash}; the trace text itself is stored once per hash. {@code caller} is the
 * authenticated principal; {@code clientLabel} the caller's own, unverified label (may be null).
 */
public record AuditEntry(String decisionId, Instant decidedAt, String caller, String clientLabel, PolicyFiles policy, String status,
        String severity, String basis, String capability, long evaluationMicros, String record, Trace trace,
        com.incidents.severity.decision.model.Attached.Rows attached) {

    /** A record with nothing attached. */
    public AuditEntry(String decisionId, Instant decidedAt, String caller, String clientLabel, PolicyFiles policy,
            String status, String severity, String basis, String capability, long evaluationMicros, String record,
            Trace trace) {
        this(decisionId, decidedAt, caller, clientLabel, policy, status, severity, basis, capability, evaluationMicros,
                record, trace, null);
    }

    /** A trace and the SHA-256 of its text. */
    public record Trace(String hash, String text) {
    }
}
