package com.incidents.severity.policy.scenario;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One scenario row and how the policy answered it: each expected column the row fills, with what
 * the policy gave for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String file, long line, String description, boolean passed, String error,
        List<Check> checks) {

    /**
     * One expected column of a row.
     *
     * @param column the column without its {@code expected} prefix: {@code Severity}, {@code Basis}, ...
     */
    public record Check(String column, String expected, String actual) {

        public boolean holds() {
            return expected.equalsIgnoreCase(actual == null ? "NONE" : actual);
        }

        String describe(Function<Check, String> side) {
            String value = side.apply(this) == null ? "NONE" : side.apply(this);
            return column.equals("Severity") ? value : label() + " " + value;
        }

        private String label() {
            return switch (column) {
                case "ResponseClass" -> "response class";
                case "InvestigationMinutes" -> "investigation within";
                case "StatusUpdateMinutes" -> "status update within";
                default -> column.toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    static ScenarioResult failed(String file, long line, String description, String error) {
        return new ScenarioResult(file, line, description, false, error, List.of());
    }

    /** What the row expects, as "SEV2, basis IMPACT, response class MAJOR". */
    public String expected() {
        return checks.stream().map(c -> c.describe(Check::expected)).collect(Collectors.joining(", "));
    }

    /** What the policy gave for the same columns. */
    public String actual() {
        return checks.stream().map(c -> c.describe(Check::actual)).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        String where = file + ":" + line + " " + description;
        if (error != null) {
            return where + ": " + error;
        }
        return where + (passed ? ": ok" : ": expected " + expected() + ", got " + actual());
    }
}
