package com.incidents.severity.draft.model;

/** Where a draft stands. PUBLISHED and ABANDONED are final; a change to an APPROVED or REJECTED draft reopens it. */
public enum DraftState {
    OPEN, APPROVED, REJECTED, PUBLISHED, ABANDONED;

    public boolean closed() {
        return this == PUBLISHED || this == ABANDONED;
    }
}
