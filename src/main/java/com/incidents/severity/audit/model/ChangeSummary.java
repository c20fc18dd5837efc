package com.incidents.severity.audit.model;

import java.time.Instant;

/** A line of the change history. */
public record ChangeSummary(long seq, String changeId, ChangeKind kind, String replica, Instant changedAt,
        String author, String approver, String publisher, String comment, String versionBefore, String versionAfter,
        int tablesChanged, int rowsAdded, int rowsRemoved, int rowsChanged) {

    public static ChangeSummary of(long seq, ChangeRecord r) {
        return new ChangeSummary(seq, r.changeId(), r.kind(), r.replica(), r.changedAt(), r.author(), r.approver(),
                r.publisher(), r.comment(), r.versionBefore(), r.versionAfter(), r.tables() == null ? 0 : r.tables().size(),
                r.rowsAdded(), r.rowsRemoved(), r.rowsChanged());
    }
}
