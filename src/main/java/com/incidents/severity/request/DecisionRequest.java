package com.incidents.severity.request;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.engine.Facts;

/**
 * A valid request: the facts the engine decides on, the instants that place the response
 * targets in time, and the body as received. {@code ongoing} means the duration was measured
 * from {@code startedAt} to {@code receivedAt} because none was given.
 */
public record DecisionRequest(Facts facts, Instant startedAt, Instant pagedAt, boolean ongoing, Instant receivedAt,
        JsonNode body) {
}
