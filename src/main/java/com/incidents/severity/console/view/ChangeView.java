package com.incidents.severity.console.view;

import java.util.List;

import com.incidents.severity.audit.model.ChangeRecord;

/** One policy change as its console page shows it: who, when, why, the versions, and its tables drawn as a version diff. */
public record ChangeView(String changeId, String kind, String kindWords, String replica, String changedAt,
        String author, String approver, String publisher, String draftId, String comment, String versionBefore,
        String versionAfter, String origin, List<DiffView> tables, boolean diffKnown, boolean impactKnown,
        String impactJson, long seq, String hash, String prevHash) {

    public static ChangeView of(long seq, String hash, String prevHash, ChangeRecord r) {
        List<DiffView> tables = r.tables() == null ? List.of() : r.tables().stream().map(DiffView::of).toList();
        return new ChangeView(r.changeId(), r.kind() == null ? null : r.kind().name(), ChangeWords.of(r.kind()),
                r.replica(), String.valueOf(r.changedAt()), r.author(), r.approver(), r.publisher(), r.draftId(),
                r.comment(), r.versionBefore(), r.versionAfter(), r.origin(), tables, r.tables() != null,
                r.impact() != null && !r.impact().isNull(), r.impact() == null ? null : r.impact().toPrettyString(), seq,
                hash, prevHash);
    }
}
