package com.incidents.severity.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.engine.Facts;

/**
 * A valid request: the facts the engine decides on, the instants that place the response
 * targets in time, and the body as received. {@code ongoing} means the duration was measured
 * from {@code startedAt} to {@code receivedAt} because none was given. {@code receivedAt}, which
 * becomes the decision's {@code decidedAt}, is kept to the microsecond: the precision the audit
 * store's column holds, so a record always matches its own column when verified.
 */
public record DecisionRequest(Facts facts, Instant startedAt, Instant pagedAt, boolean ongoing, Instant receivedAt,
        JsonNode body) {

    public DecisionRequest {
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
