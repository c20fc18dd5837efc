package com.incidents.severity.draft;

/** A publish of a draft without an approval of its current revision (409): never approved, rejected, or changed after its approval. */
public class NotApprovedException extends DraftRefusedException {

    public NotApprovedException(String draftId, String detail) {
        super(DraftProblem.of("draft-not-approved", "The draft is not approved", 409, detail, draftId));
    }
}
