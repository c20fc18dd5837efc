package com.incidents.severity.audit.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters of the record list and export; null means "any". Severity "NONE" selects decisions without
 * one. Change records (status CHANGE, see {@link ChangeRecord}) share the chain but are never selected.
 */
public record RecordFilter(Instant from, Instant to, String severity, String basis, String policyVersion,
        String capability, String caller, String clientLabel) {

    /** This filter, narrowed to records decided at {@code since} or later. */
    public RecordFilter since(Instant since) {
        Instant start = from == null || from.isBefore(since) ? since : from;
        return new RecordFilter(start, to, severity, basis, policyVersion, capability, caller, clientLabel);
    }

    /** The WHERE clause (without the keyword) and its parameters, in order. */
    public String where(List<Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("status <> '" + ChangeRecord.STATUS + "'");
        if (from != null) {
            clauses.add("decided_at >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            clauses.add("decided_at < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        if ("NONE".equalsIgnoreCase(severity)) {
            clauses.add("severity IS NULL AND status = 'DECIDED'");
        } else if (severity != null) {
            clauses.add("severity = ?");
            params.add(severity);
        }
        add(clauses, params, "basis", basis == null ? null : basis.toUpperCase(java.util.Locale.ROOT));
        add(clauses, params, "policy_version", policyVersion);
        add(clauses, params, "capability", capability);
        add(clauses, params, "caller", caller);
        add(clauses, params, "client_label", clientLabel);
        return String.join(" AND ", clauses);
    }

    private static void add(List<String> clauses, List<Object> params, String column, String value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
    }
}
