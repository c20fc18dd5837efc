package com.incidents.severity.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One offending field of a request: its JSON name, what is wrong, and the closest valid values. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldError(String field, String message, Object rejectedValue, List<String> suggestions) {

    /** Deeper rejected values are described, not echoed: the answer must be writable whatever was sent. */
    static final int MAX_ECHOED_DEPTH = 16;

    public FieldError {
        if (rejectedValue instanceof JsonNode node && deeperThan(node, MAX_ECHOED_DEPTH)) {
            rejectedValue = "(a JSON " + (node.isArray() ? "array" : "object") + " nested more than "
                    + MAX_ECHOED_DEPTH + " levels deep)";
        }
    }

    private static boolean deeperThan(JsonNode node, int levels) {
        if (!node.isContainerNode()) {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (JsonNode child : node) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, List.of());
    }

    public static FieldError rejected(String field, String message, Object value) {
        return new FieldError(field, message, value, List.of());
    }
}
