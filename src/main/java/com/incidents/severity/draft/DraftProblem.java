package com.incidents.severity.draft;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.draft.model.RowConflict;

/**
 * RFC 9457 body of a refused draft operation, with the extension members that say what to do next:
 * the draft's base and the version in force, where to rebase, and what a rebase could not merge.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftProblem(String type, String title, int status, String detail, String draftId, String baseVersion,
        String versionInForce, String rebase, List<RowConflict> conflicts) {

    static DraftProblem of(String type, String title, int status, String detail, String draftId) {
        return new DraftProblem("/problems/" + type, title, status, detail, draftId, null, null, null, null);
    }
}
