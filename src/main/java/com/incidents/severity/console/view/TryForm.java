package com.incidents.severity.console.view;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of a decision request as typed in the console's form, and the JSON body the API would
 * receive: blank fields are left out, whole numbers sent as numbers, anything else as typed (so
 * the request checks answer for it as they would for an API caller).
 */
public record TryForm(String impactLevel, String affectedUsers, String affectedApps, String capability,
        String capabilityTier, String incidentType, String durationMinutes, String partnerReports, String startedAt,
        String pagedAt) {

    public static TryForm empty() {
        return new TryForm(null, null, null, null, null, null, null, null, null, null);
    }

    public ObjectNode body(ObjectMapper json) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("impactLevel", impactLevel);
        fields.put("affectedUsers", affectedUsers);
        fields.put("affectedApps", affectedApps);
        fields.put("capability", capability);
        fields.put("capabilityTier", capabilityTier);
        fields.put("incidentType", incidentType);
        fields.put("durationMinutes", durationMinutes);
        fields.put("partnerReports", partnerReports);
        fields.put("startedAt", startedAt);
        fields.put("pagedAt", pagedAt);
        ObjectNode body = json.createObjectNode();
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                String v = value.strip();
                if (v.matches("-?\\d{1,18}")) {
                    body.put(name, Long.parseLong(v));
                } else {
                    body.put(name, v);
                }
            }
        });
        return body;
    }
}
