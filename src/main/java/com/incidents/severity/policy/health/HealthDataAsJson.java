package com.incidents.severity.policy.health;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smallrye.health.api.HealthContentFilter;

/**
 * Puts the policy check's {@code errors} and {@code degraded} into the health answer as JSON arrays, not as the JSON
 * text MicroProfile Health data is limited to (see {@link PolicyReadinessCheck}).
 */
@ApplicationScoped
public class HealthDataAsJson implements HealthContentFilter {

    @Override
    public JsonObject filter(JsonObject payload) {
        JsonValue checks = payload.get("checks");
        if (checks == null || checks.getValueType() != JsonValue.ValueType.ARRAY) {
            return payload;
        }
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (JsonValue check : checks.asJsonArray()) {
            out.add(policyErrorsAsJson(check));
        }
        return Json.createObjectBuilder(payload).add("checks", out).build();
    }

    private static JsonValue policyErrorsAsJson(JsonValue check) {
        if (check.getValueType() != JsonValue.ValueType.OBJECT) {
            return check;
        }
        JsonObject object = check.asJsonObject();
        JsonObject data = object.getJsonObject("data");
        if (!PolicyReadinessCheck.NAME.equals(object.getString("name", null)) || data == null) {
            return check;
        }
        JsonObjectBuilder newData = Json.createObjectBuilder(data);
        for (String field : List.of(PolicyReadinessCheck.ERRORS, PolicyReadinessCheck.DEGRADED)) {
            if (data.get(field) instanceof JsonString text) {
                try (var reader = Json.createReader(new StringReader(text.getString()))) {
                    newData.add(field, reader.readValue());
                }
            }
        }
        return Json.createObjectBuilder(object).add("data", newData).build();
    }
}
