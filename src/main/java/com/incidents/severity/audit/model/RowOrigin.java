package com.incidents.severity.audit.model;

import java.time.Instant;

/**
 * Where a deciding row of a decision came from: the change that last added or edited it before the
 * decision was made (who, when, approved by whom and why); {@code change} is null when no recorded
 * change did (the row is older than the change history).
 */
public record RowOrigin(String model, String decision, int ruleIndex, String ruleId, Change change) {

    public record Change(String changeId, ChangeKind kind, Instant changedAt, String author, String approver,
            String publisher, String comment, String rowChange) {
    }
}
