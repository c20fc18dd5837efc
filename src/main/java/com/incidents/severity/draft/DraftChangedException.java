package com.incidents.severity.draft;

/** Someone else wrote the draft between this request's read and its write (409); read it again and retry. */
public class DraftChangedException extends DraftRefusedException {

    public DraftChangedException(String draftId, String detail) {
        super(DraftProblem.of("draft-changed-meanwhile", "The draft changed meanwhile", 409, detail, draftId));
    }
}
