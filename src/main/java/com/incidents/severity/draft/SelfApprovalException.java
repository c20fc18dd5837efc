package com.incidents.severity.draft;

/** The author of a draft approving it (403): approval needs a policy editor other than the author. */
public class SelfApprovalException extends DraftRefusedException {

    public SelfApprovalException(String draftId, String detail) {
        super(DraftProblem.of("self-approval", "A draft needs another person's approval", 403, detail, draftId));
    }
}
