package com.incidents.severity.draft.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a rebase could not merge: a row changed both by the draft and by the version in force, by
 * file, table (the decision's name) and rule id; a file's whole text where the conflict is outside
 * any row ({@code table} and {@code ruleId} null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowConflict(String file, String table, String ruleId, String reason) {

    @Override
    public String toString() {
        return file + (table == null ? "" : " [" + table + "]") + (ruleId == null ? "" : " rule " + ruleId) + ": "
                + reason;
    }
}
