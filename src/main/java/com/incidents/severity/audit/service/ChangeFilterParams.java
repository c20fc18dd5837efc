package com.incidents.severity.audit.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.incidents.severity.audit.model.ChangeKind;
import com.incidents.severity.problem.FieldError;

/** The filters of the change history as the API and the console take them. */
public final class ChangeFilterParams {

    private ChangeFilterParams() {
    }

    /** {@code window} as {@link RecordFilters#window} reads it; blank texts mean any. */
    public static ChangeHistory.ChangeFilter filter(String kind, String author, String person, Instant[] window,
            List<FieldError> errors) {
        return new ChangeHistory.ChangeFilter(kind(kind, errors), blankless(author), blankless(person), window[0],
                window[1]);
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Null when absent or blank; an error naming {@code kind} when it is not a kind of change. */
    public static ChangeKind kind(String kind, List<FieldError> errors) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ChangeKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.rejected("kind", "kind must be one of " + Arrays.toString(ChangeKind.values()), kind));
            return null;
        }
    }
}
