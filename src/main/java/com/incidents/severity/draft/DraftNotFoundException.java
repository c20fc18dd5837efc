package com.incidents.severity.draft;

/** No draft has this id (404). */
public class DraftNotFoundException extends DraftRefusedException {

    public DraftNotFoundException(String draftId, String detail) {
        super(DraftProblem.of("draft-not-found", "No such draft", 404, detail, draftId));
    }
}
