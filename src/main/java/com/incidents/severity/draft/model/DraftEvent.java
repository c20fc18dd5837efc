package com.incidents.severity.draft.model;

import java.time.Instant;

/**
 * One thing that happened to a draft, as {@code policy_draft_event} keeps it.
 *
 * @param seq its place in the order of all draft events (0 before it is stored)
 * @param draftId the draft
 * @param kind what happened
 * @param actor who did it
 * @param revision the draft's revision it happened to (after a save or rebase: the new one)
 * @param comment the review's comment, the draft's comment when started, the version put in force
 *        when published; null otherwise
 * @param at when
 */
public record DraftEvent(long seq, String draftId, DraftEventKind kind, String actor, int revision, String comment,
        Instant at) {

    public static DraftEvent of(Draft d, DraftEventKind kind, String actor, String comment) {
        return new DraftEvent(0, d.id(), kind, actor, d.revision(), comment, d.updatedAt());
    }
}
