package com.incidents.severity.audit.model;

import java.time.Instant;

/** A line of the record list. */
public record RecordSummary(long seq, String decisionId, Instant decidedAt, String caller, String status,
        String severity, String basis, String capability, String policyVersion) {
}
