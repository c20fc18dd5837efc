package com.incidents.severity.draft.model;

import java.time.Instant;

/**
 * A search of draft events; every criterion is optional.
 *
 * @param actor who did it (exactly)
 * @param author the author of the draft it happened to (exactly)
 * @param kind what happened
 * @param draftId one draft's events
 * @param from at or after
 * @param to before
 * @param limit at most this many, the newest first
 */
public record DraftEventQuery(String actor, String author, DraftEventKind kind, String draftId, Instant from,
        Instant to, int limit) {

    public static DraftEventQuery ofDraft(String draftId) {
        return new DraftEventQuery(null, null, null, draftId, null, null, 1000);
    }
}
