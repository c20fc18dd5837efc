package com.incidents.severity.draft.model;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A draft as stored: its changed files on top of {@code baseVersion} (by path; a null content deletes
 * the base's file), who wrote it and why, and its review. {@code revision} counts the changes of its
 * files; the review holds for {@code reviewedRevision} only. {@code stamp} counts every write.
 */
public record Draft(String id, DraftState state, String author, String comment, String baseVersion, int revision,
        int stamp, String reviewer, String reviewComment, Integer reviewedRevision, Instant reviewedAt,
        String publisher, String publishedVersion, Instant publishedAt, Instant createdAt, Instant updatedAt,
        SortedMap<String, byte[]> changes) {

    public Draft {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }

    /** Approved, and not changed since. */
    public boolean approved() {
        return state == DraftState.APPROVED && reviewedRevision != null && reviewedRevision == revision;
    }

    /** The draft with other changed files: a new revision, reopened (an approval or rejection no longer holds). */
    public Draft withChanges(String newBase, SortedMap<String, byte[]> newChanges, Instant at) {
        return new Draft(id, DraftState.OPEN, author, comment, newBase, revision + 1, stamp, reviewer, reviewComment,
                reviewedRevision, reviewedAt, null, null, null, createdAt, at, newChanges);
    }

    public Draft reviewed(DraftState verdict, String by, String why, Instant at) {
        return new Draft(id, verdict, author, comment, baseVersion, revision, stamp, by, why, revision, at, null, null,
                null, createdAt, at, changes);
    }

    public Draft published(String by, String version, Instant at) {
        return new Draft(id, DraftState.PUBLISHED, author, comment, baseVersion, revision, stamp, reviewer,
                reviewComment, reviewedRevision, reviewedAt, by, version, at, createdAt, at, changes);
    }

    public Draft abandoned(Instant at) {
        return new Draft(id, DraftState.ABANDONED, author, comment, baseVersion, revision, stamp, reviewer,
                reviewComment, reviewedRevision, reviewedAt, null, null, null, createdAt, at, changes);
    }
}
