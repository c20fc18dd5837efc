package com.incidents.severity.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with the offending fields when the request was at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem("/problems/" + type, title, status, detail, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("/problems/invalid-request", "The request is not valid", 422,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are not valid", errors);
    }
}
