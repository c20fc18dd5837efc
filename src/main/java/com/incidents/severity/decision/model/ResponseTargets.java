package com.incidents.severity.decision.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The response the policy aims for: its class (MAJOR or MINOR), the minute targets, and when
 * they fall due if the caller said when the incident started and when the team was paged.
 */
public record ResponseTargets(@JsonProperty("class") String responseClass, Integer investigationWithinMinutes,
        Integer statusUpdateWithinMinutes, String handling, Instant investigationDueAt, Instant statusUpdateDueAt) {
}
