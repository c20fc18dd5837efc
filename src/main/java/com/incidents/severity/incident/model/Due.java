package com.incidents.severity.incident.model;

import java.time.Instant;

/**
 * A piece of work that falls due at an instant: {@code kind} is ESCALATION (the forecast next
 * escalation), INVESTIGATION or STATUS_UPDATE (a response target's due time). It is done only if
 * the incident has had exactly {@code afterDecision} decisions, so doing it twice records it once;
 * POLICY work, while the incident is decided under another version than {@code policyVersion}.
 */
public record Due(String key, String kind, Instant dueAt, int afterDecision, String changeId, String policyVersion) {

    public Due(String key, String kind, Instant dueAt, int afterDecision) {
        this(key, kind, dueAt, afterDecision, null, null);
    }

    public static final String ESCALATION = "ESCALATION";
    public static final String INVESTIGATION = "INVESTIGATION";
    public static final String STATUS_UPDATE = "STATUS_UPDATE";
    /** A new policy version came into force ({@code changeId}): decide it under {@code policyVersion}. */
    public static final String POLICY = "POLICY";
}
