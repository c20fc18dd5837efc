package com.incidents.severity.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A finding about a policy: where it is (file, table, rule) and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDiagnostic(String level, String file, String table, String rule, String message) {

    public static PolicyDiagnostic error(String file, String table, String message) {
        return new PolicyDiagnostic("ERROR", file, table, null, message);
    }

    @JsonIgnore
    public boolean isError() {
        return "ERROR".equals(level);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(level);
        if (file != null) {
            where.append(' ').append(file);
        }
        if (table != null) {
            where.append(" [").append(table).append(']');
        }
        if (rule != null) {
            where.append(" (").append(rule).append(')');
        }
        return where.append(": ").append(message).toString();
    }
}
