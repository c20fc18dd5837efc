package com.incidents.severity.incident.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A response target as a clock: {@code investigation} (due after paging) or {@code statusUpdate}
 * (due after the start), when it falls due, when its fact was recorded, and whether it was met,
 * missed (with how late, in seconds, when the miss was found or when the fact came) or is still running.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetClock(String target, Instant dueAt, Instant doneAt, String state, Long lateSeconds) {

    public static final String RUNNING = "RUNNING";
    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
}
