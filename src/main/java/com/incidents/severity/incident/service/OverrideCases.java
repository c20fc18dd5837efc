package com.incidents.severity.incident.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.incident.IncidentRefusedException;
import com.incidents.severity.incident.model.OverrideCase;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * Turns an override into a case for the policy's editors: read from the override's own record in
 * the audit chain, so the facts are exactly those the engine decided, not the incident's facts of today.
 */
@ApplicationScoped
public class OverrideCases {

    /** The record's normalised facts and the scenario column each is written in. */
    private static final Map<String, String> COLUMNS = Map.of("impactLevel", "impactLevel", "affectedUsers",
            "affectedUsers", "affectedApps", "affectedApps", "capability", "capability", "statedTier", "capabilityTier",
            "incidentType", "incidentType", "durationMinutes", "durationMinutes", "partnerReports", "partnerReports");

    @Inject
    AuditQueryService audit;

    public OverrideCase of(String key, String decisionId) {
        ObjectNode record;
        try {
            record = audit.record(decisionId).orElseThrow(() -> IncidentRefusedException.notAnOverride(key, decisionId));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new ProblemException(Problem.of("store-unavailable", "The audit store is unavailable", 503,
                    "The database did not answer; retry shortly"), e);
        }
        JsonNode incident = record.path("incident");
        JsonNode override = incident.path("override");
        if (!key.equals(incident.path("key").asText(null)) || !"OVERRIDE".equals(incident.path("trigger").asText())
                || !override.isObject()) {
            throw IncidentRefusedException.notAnOverride(key, decisionId);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        record.path("facts").fields().forEachRemaining(f -> {
            String column = COLUMNS.get(f.getKey());
            if (column != null && !f.getValue().isNull()) {
                facts.put(column, f.getValue().asText());
            }
        });
        return new OverrideCase(key, decisionId, override.path("severity").asText(), record.path("result")
                .path("severity").asText(null), override.path("reason").asText(), override.path("by").asText(), facts);
    }
}
