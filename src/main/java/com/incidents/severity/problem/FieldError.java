package com.incidents.severity.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending field of a request: its JSON name, what is wrong, and the closest valid values. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldError(String field, String message, Object rejectedValue, List<String> suggestions) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, List.of());
    }

    public static FieldError rejected(String field, String message, Object value) {
        return new FieldError(field, message, value, List.of());
    }
}
