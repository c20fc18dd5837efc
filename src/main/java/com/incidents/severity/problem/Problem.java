package com.incidents.severity.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, with the offending fields when the request was at fault and, when a
 * cause was logged, the {@code errorId} it was logged under.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String errorId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem("/problems/" + type, title, status, detail, null, List.of());
    }

    /** A problem whose cause was logged at ERROR under {@code errorId}; the detail names the id too. */
    public static Problem logged(String type, String title, int status, String detail, String errorId) {
        return new Problem("/problems/" + type, title, status, detail + " (error id " + errorId + ")", errorId,
                List.of());
    }

    /** An unexpected error (a bug): nothing of its cause is shown, only the id it was logged under. */
    public static Problem internal(String errorId) {
        return logged("internal-error", "Internal server error", 500,
                "The service failed unexpectedly; the failure is logged", errorId);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("/problems/invalid-request", "The request is not valid", 422,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are not valid", null, errors);
    }
}
