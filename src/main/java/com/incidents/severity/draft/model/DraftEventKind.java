package com.incidents.severity.draft.model;

/** What happened to a draft. */
public enum DraftEventKind {
    CREATED("started"), SAVED("saved"), APPROVED("approved"), REJECTED("rejected"), REBASED("rebased"),
    ABANDONED("abandoned"), PUBLISHED("published");

    private final String words;

    DraftEventKind(String words) {
        this.words = words;
    }

    /** The past tense the console shows: "approved". */
    public String words() {
        return words;
    }
}
