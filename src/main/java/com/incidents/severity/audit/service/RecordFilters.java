package com.incidents.severity.audit.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.engine.model.PolicyContract;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.problem.FieldError;

/**
 * Reads the query of a record listing, export or chain check as a caller wrote it (the API's query
 * parameters, the console's form fields), adding an error naming the field for each bad value.
 */
@ApplicationScoped
public class RecordFilters {

    public static final List<String> BASES = List.of("IMPACT", "CAPABILITY", "ESCALATION", "NONE");

    @Inject
    PolicyService policies;

    @Inject
    AuditConfig config;

    /** Filters combine; null means any. Severities are those of the policy in force, with NONE. */
    public RecordFilter filter(String from, String to, String severity, String basis, String policyVersion,
            String capability, String caller, String clientLabel, List<FieldError> errors) {
        List<String> severities = severities();
        if (severity != null && severities != null) {
            String given = severity.strip();
            String known = severities.stream().filter(s -> s.equalsIgnoreCase(given)).findFirst().orElse(null);
            if (known == null) {
                errors.add(new FieldError("severity", "severity must be one of " + String.join(", ", severities)
                        + " (the severities of the policy in force)", severity, severities));
            }
            severity = known;
        }
        if (basis != null && !BASES.contains(basis.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("basis", "basis must be IMPACT, CAPABILITY, ESCALATION or NONE", basis, BASES));
        }
        return new RecordFilter(instant("from", from, errors), instant("to", to, errors), severity, basis,
                policyVersion, capability, caller, clientLabel);
    }

    /** The page size: 50 when absent; a whole number from 1 to the configured maximum, else an error naming limit. */
    public int pageSize(String limit, List<FieldError> errors) {
        if (limit == null) {
            return 50;
        }
        int size;
        try {
            size = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = 0;
        }
        if (size < 1 || size > config.maxPageSize()) {
            errors.add(FieldError.rejected("limit", "limit must be a whole number from 1 to " + config.maxPageSize(), limit));
        }
        return size;
    }

    /** The position a page starts before: a nextCursor of an earlier page. */
    public Long cursor(String cursor, List<FieldError> errors) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            errors.add(FieldError.rejected("cursor", "cursor must be a nextCursor from an earlier page", cursor));
            return null;
        }
    }

    /** The window [from, to) of a chain check; to must be later than from. */
    public Instant[] window(String from, String to, List<FieldError> errors) {
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            String message = "to must be later than from: the window [from, to) would hold nothing";
            errors.add(FieldError.rejected("from", message, from));
            errors.add(FieldError.rejected("to", message, to));
        }
        return new Instant[] { start, end };
    }

    /** The severities of the policy in force, with NONE; null when no policy is loaded. */
    public List<String> severities() {
        if (!policies.loaded()) {
            return null;
        }
        List<String> severities = new ArrayList<>(policies.current().policy().inputTypes().severity().values());
        if (severities.stream().noneMatch(PolicyContract.NONE::equalsIgnoreCase)) {
            severities.add(PolicyContract.NONE);
        }
        return severities;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                // a database TIMESTAMP holds years 1 to 9999; beyond, a filter overflowed and inverted
                errors.add(FieldError.rejected(field, field + " must be an instant of the years 0001 to 9999", value));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant", value));
            return null;
        }
    }
}
