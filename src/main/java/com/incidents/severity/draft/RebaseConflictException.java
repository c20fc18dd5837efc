package com.incidents.severity.draft;

import java.util.List;

import com.incidents.severity.draft.model.RowConflict;

/** A rebase that cannot merge (409): the same row (or file) was changed by the draft and by the version in force. */
public class RebaseConflictException extends DraftRefusedException {

    public RebaseConflictException(String draftId, String baseVersion, String versionInForce,
            List<RowConflict> conflicts) {
        super(new DraftProblem("/problems/rebase-conflict", "The draft cannot be rebased", 409,
                conflicts.size() + (conflicts.size() == 1 ? " change conflicts" : " changes conflict")
                        + " with the version in force: " + String.join("; ",
                                conflicts.stream().map(RowConflict::toString).toList())
                        + "; the draft is unchanged",
                draftId, baseVersion, versionInForce, null, List.copyOf(conflicts)));
    }
}
