package com.incidents.severity.draft;

/** A change to a draft that is published or abandoned (409). */
public class DraftClosedException extends DraftRefusedException {

    public DraftClosedException(String draftId, String detail) {
        super(DraftProblem.of("draft-closed", "The draft is closed", 409, detail, draftId));
    }
}
