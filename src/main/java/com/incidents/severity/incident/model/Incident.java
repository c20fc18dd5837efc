package com.incidents.severity.incident.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.decision.model.NextEscalation;
import com.incidents.severity.decision.model.ResponseTargets;

/**
 * An incident as the service follows it: its facts as the callers gave them, the latest decision's
 * severity, basis, response targets and next escalation, the target clocks, and where it stands.
 * {@code severity} is the one in force: the override's while one is set, else the engine's
 * ({@code engineSeverity}, which is computed and shown all the same). {@code decidingRows} names the DMN rows that decided it ({@code decision#ruleId}).
 * {@code revision} counts the changes of its facts and is its ETag.
 */
public record Incident(String key, IncidentState state, int revision, String severity, String engineSeverity,
        Override override, String basis,
        ResponseTargets responseTargets, NextEscalation nextEscalation, List<TargetClock> targets,
        List<String> explanation, List<String> decidingRows, JsonNode facts, String latestDecisionId, int decisions, String policyVersion,
        String openedBy, Instant openedAt, Instant updatedAt, Instant resolvedAt) {

    public String etag() {
        return "\"" + revision + "\"";
    }
}
