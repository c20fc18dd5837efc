package com.incidents.severity.incident.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.problem.FieldError;

/**
 * An incident's facts: the decision request's fields, which the engine decides on, and the
 * incident's own, which the service keeps beside them (when investigation started, when the
 * status was last updated: the response targets' clocks). Changes arrive as JSON merge patches (RFC 7396).
 */
final class IncidentFacts {

    /** Facts the incident has beyond a decision request: the instants that meet its response targets. */
    static final List<String> OWN = List.of("investigationStartedAt", "statusUpdateAt");

    /** A caller's own incident id, such as a ticket key: letters, digits and . _ : - only. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private IncidentFacts() {
    }

    static List<FieldError> checkKey(String key) {
        if ("events".equals(key)) { // the path of the event stream
            return List.of(FieldError.rejected("key", "'events' is not an incident key: /api/v1/incidents/events is"
                    + " the event stream", key));
        }
        return key != null && KEY.matcher(key).matches() ? List.of()
                : List.of(FieldError.rejected("key", "An incident key is 1 to 200 letters, digits, '.', '_', ':' or '-',"
                        + " starting with a letter or digit", key));
    }

    /** The decision request in {@code facts}: everything but the incident's own facts. */
    static ObjectNode request(JsonNode facts) {
        ObjectNode request = ((ObjectNode) facts).deepCopy();
        request.remove(OWN);
        return request;
    }

    /** The errors of the incident's own facts: each an ISO-8601 instant, none in the future. */
    static List<FieldError> checkOwn(JsonNode facts, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : OWN) {
            JsonNode v = facts.get(field);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant such as 2026-01-01T10:00:00Z", v));
                continue;
            }
            try {
                if (Instant.parse(v.textValue()).isAfter(now)) {
                    errors.add(FieldError.rejected(field, field + " lies in the future", v));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant such as 2026-01-01T10:00:00Z", v));
            }
        }
        return errors;
    }

    /** RFC 7396: {@code patch}'s members replace the target's, null removes one, objects merge member by member. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** Facts without JSON nulls: a null fact is an absent one. */
    static ObjectNode withoutNulls(ObjectNode facts) {
        ObjectNode copy = facts.deepCopy();
        List<String> nulls = new ArrayList<>();
        copy.fields().forEachRemaining(m -> {
            if (m.getValue().isNull()) {
                nulls.add(m.getKey());
            }
        });
        copy.remove(nulls);
        return copy;
    }
}
