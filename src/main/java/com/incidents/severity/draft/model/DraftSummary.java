package com.incidents.severity.draft.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A draft as listed: who wrote it and why, its base, state and review, and which files it changes.
 * {@code approved} is true only while the approval holds for the draft's current revision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftSummary(String id, DraftState state, boolean approved, String author, String comment,
        String baseVersion, int revision, Review review, String publisher, String publishedVersion,
        Instant publishedAt, Instant createdAt, Instant updatedAt, List<FileChange> files) {

    /** The last approval or rejection: by whom, why, when, and for which revision of the draft. */
    public record Review(String verdict, String by, String comment, Instant at, int revision) {
    }

    /** One file the draft changes: ADDED, CHANGED or DELETED against its base, with the new size. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileChange(String path, String change, Integer size) {
    }

    public static DraftSummary of(Draft d, java.util.Set<String> baseFiles) {
        Review review = d.reviewer() == null ? null
                : new Review(d.state() == DraftState.REJECTED ? "REJECTED" : "APPROVED", d.reviewer(),
                        d.reviewComment(), d.reviewedAt(), d.reviewedRevision());
        List<FileChange> files = d.changes().entrySet().stream().map(e -> new FileChange(e.getKey(),
                e.getValue() == null ? "DELETED" : baseFiles.contains(e.getKey()) ? "CHANGED" : "ADDED",
                e.getValue() == null ? null : e.getValue().length)).toList();
        return new DraftSummary(d.id(), d.state(), d.approved(), d.author(), d.comment(), d.baseVersion(),
                d.revision(), review, d.publisher(), d.publishedVersion(), d.publishedAt(), d.createdAt(),
                d.updatedAt(), files);
    }
}
