package com.incidents.severity.audit.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change of the policy in force, as it is written into the audit chain (its canonical JSON is
 * hashed like a decision's). {@code status} is always {@link #STATUS}, which sets it apart from a
 * decision in the chain. The people are null where nobody was (a folder reload has none);
 * {@code versionBefore} is null for the first version the chain knows. {@code tables} lists only the
 * tables that changed, each with only its changed rows; it is null when the version before could not
 * be read (its text not stored). {@code impact} is the replay impact measured before a publish, when
 * the publish supplies one (null otherwise). {@code previousChangeId} is the change recorded before
 * this one in the store, so that a deleted change can be named.
 */
public record ChangeRecord(String changeId, String status, ChangeKind kind, String replica, Instant changedAt,
        String author, String approver, String publisher, String draftId, String comment, String versionBefore,
        String versionAfter, String origin, String previousChangeId, List<ChangedTable> tables, JsonNode impact) {

    public static final String STATUS = "CHANGE";

    /** One table that changed: counts of its rows added, removed, changed and the same, and the changed rows. */
    public record ChangedTable(String key, String model, String decision, String fromHitPolicy, String toHitPolicy,
            List<String> headers, int added, int removed, int changed, int same, boolean onlyBefore,
            boolean onlyAfter, List<ChangedRow> rows) {
    }

    /**
     * One row added, removed or changed; cells are the input cells, then output cells, then the
     * annotation; {@code changedCells} the 0-based positions that differ (the annotation's included).
     */
    public record ChangedRow(String change, String ruleId, Integer fromIndex, Integer toIndex, List<String> fromCells,
            List<String> toCells, List<Integer> changedCells) {

        /** Whether this row, as it is after the change, was put there by it (added or edited). */
        public boolean introduces(String id, Integer index) {
            if (toIndex == null) {
                return false;
            }
            return id != null ? id.equals(ruleId) : ruleId == null && index != null && index.equals(toIndex);
        }
    }

    public int rowsAdded() {
        return tables == null ? 0 : tables.stream().mapToInt(ChangedTable::added).sum();
    }

    public int rowsRemoved() {
        return tables == null ? 0 : tables.stream().mapToInt(ChangedTable::removed).sum();
    }

    public int rowsChanged() {
        return tables == null ? 0 : tables.stream().mapToInt(ChangedTable::changed).sum();
    }
}
