package com.incidents.severity.console.view;

import com.incidents.severity.audit.model.ChangeSummary;

/** A line of the change history page. */
public record ChangeLine(String changeId, String kind, String kindWords, String changedAt, String replica, String author,
        String approver, String publisher, String comment, String versionBefore, String versionAfter, String rows) {

    public static ChangeLine of(ChangeSummary s) {
        String rows = s.rowsAdded() + " added, " + s.rowsRemoved() + " removed, " + s.rowsChanged() + " changed";
        return new ChangeLine(s.changeId(), s.kind() == null ? null : s.kind().name(), ChangeWords.of(s.kind()),
                String.valueOf(s.changedAt()), s.replica(), s.author(), s.approver(), s.publisher(), s.comment(),
                s.versionBefore(), s.versionAfter(), rows);
    }
}
