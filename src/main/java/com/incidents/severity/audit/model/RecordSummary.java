package com.incidents.severity.audit.model;

import java.time.Instant;

/** A line of the record list: {@code caller} authenticated, {@code clientLabel} the caller's own, not verified. */
public record RecordSummary(long seq, String decisionId, Instant decidedAt, String caller, String clientLabel, String status,
        String severity, String basis, String capability, String policyVersion) {
}
