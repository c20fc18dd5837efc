package com.incidents.severity.draft.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.draft.DraftChangedException;
import com.incidents.severity.draft.DraftClosedException;
import com.incidents.severity.draft.DraftNotFoundException;
import com.incidents.severity.draft.SelfApprovalException;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.draft.model.DraftEvent;
import com.incidents.severity.draft.model.DraftEventKind;
import com.incidents.severity.draft.model.DraftEventQuery;
import com.incidents.severity.draft.model.DraftState;
import com.incidents.severity.draft.store.DraftEvents;
import com.incidents.severity.draft.store.DraftStore;
import com.incidents.severity.draft.store.PolicyFilesStore;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.preview.service.CandidatePart;
import com.incidents.severity.preview.service.CandidateParts;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Drafts and their review: started on the version in force, changed file by file, approved or
 * rejected by a policy editor other than the author, abandoned. Every file a draft takes is checked
 * as a preview checks it ({@link CandidateParts}): it must name a file of the draft's base.
 */
@ApplicationScoped
public class DraftService {

    static final int MAX_COMMENT = 10_000;

    @Inject
    DraftStore store;

    @Inject
    PolicyFilesStore texts;

    @Inject
    DraftEvents events;

    @Inject
    PolicyService policies;

    /**
     * A new draft on the version in force, by {@code author}: with {@code parts} as its changed files,
     * or, with {@code from}, with the files of that earlier version (a rollback).
     */
    public Draft create(String author, String comment, List<CandidatePart> parts, String from) throws SQLException {
        String why = comment(comment);
        policies.current(); // 503 while no policy is in force: there is nothing to draft on
        PolicyFiles base = policies.inForceFiles();
        Map<String, byte[]> wanted;
        if (from != null && !from.isBlank()) {
            if (!parts.isEmpty()) {
                throw invalid("from", "send either files or from (the version to roll back to), not both");
            }
            wanted = texts.find(from.strip()).map(PolicyFiles::files).orElseThrow(() -> invalid("from",
                    "version " + from.strip() + " is not stored: only versions put in force by a publish or drafted on can be rolled back to"));
        } else {
            wanted = new HashMap<>(base.files());
            wanted.putAll(CandidateParts.check(parts, base.files().keySet()));
        }
        Instant now = Instant.now();
        Draft draft = new Draft(UUID.randomUUID().toString(), DraftState.OPEN, author, why, base.version(), 1, 0, null,
                null, null, null, null, null, null, now, now, changes(base.files(), wanted));
        store.create(draft, base);
        return draft;
    }

    /** Saves one file of a draft; a draft changed after its review is reviewed again. */
    public Draft save(String id, String path, byte[] content, String by) throws SQLException {
        Draft draft = open(id);
        PolicyFiles base = base(draft);
        CandidateParts.check(List.of(new CandidatePart(path, null, content)), base.files().keySet());
        SortedMap<String, byte[]> changes = new TreeMap<>(draft.changes());
        if (Arrays.equals(base.files().get(path), content)) {
            changes.remove(path);
        } else {
            changes.put(path, content);
        }
        Draft saved = draft.withChanges(draft.baseVersion(), changes, Instant.now());
        return write(saved, null, DraftEvent.of(saved, DraftEventKind.SAVED, by, path));
    }

    public Draft approve(String id, String by, String comment) throws SQLException {
        Draft draft = open(id);
        if (draft.author().equals(by)) {
            throw new SelfApprovalException(id, "Draft " + id + " was written by " + by + ": its approval must come from"
                    + " another policy editor, so that every change is seen by two people");
        }
        return review(draft, DraftState.APPROVED, by, comment);
    }

    public Draft reject(String id, String by, String comment) throws SQLException {
        return review(open(id), DraftState.REJECTED, by, comment);
    }

    private Draft review(Draft draft, DraftState verdict, String by, String comment) throws SQLException {
        Draft reviewed = draft.reviewed(verdict, by, comment(comment), Instant.now());
        DraftEventKind kind = verdict == DraftState.APPROVED ? DraftEventKind.APPROVED : DraftEventKind.REJECTED;
        return write(reviewed, null, DraftEvent.of(reviewed, kind, by, reviewed.reviewComment()));
    }

    public Draft abandon(String id, String by) throws SQLException {
        Draft abandoned = open(id).abandoned(Instant.now());
        return write(abandoned, null, DraftEvent.of(abandoned, DraftEventKind.ABANDONED, by, null));
    }

    /** What happened to a draft, the latest first. */
    public List<DraftEvent> history(String id) throws SQLException {
        return events.search(DraftEventQuery.ofDraft(id));
    }

    public List<DraftEvent> search(DraftEventQuery query) throws SQLException {
        return events.search(query);
    }

    public Draft find(String id) throws SQLException {
        return store.find(id).orElseThrow(() -> new DraftNotFoundException(id, "No draft has the id " + id));
    }

    public List<Draft> list() throws SQLException {
        return store.list(1000);
    }

    /** The files of a draft's base, as stored when the draft was started (or rebased). */
    public PolicyFiles base(Draft draft) throws SQLException {
        return texts.find(draft.baseVersion())
                .orElseThrow(() -> new IllegalStateException("The base of draft " + draft.id() + " is not stored"));
    }

    /** The draft's whole policy: its base with its changes. */
    public PolicyFiles files(Draft draft) throws SQLException {
        Map<String, byte[]> files = new HashMap<>(base(draft).files());
        draft.changes().forEach((path, content) -> {
            if (content == null) {
                files.remove(path);
            } else {
                files.put(path, content);
            }
        });
        return PolicyFiles.of("draft:" + draft.id(), files);
    }

    /** A draft that may still change (not published nor abandoned). */
    Draft open(String id) throws SQLException {
        Draft draft = find(id);
        if (draft.state().closed()) {
            throw new DraftClosedException(id, "Draft " + id + " is " + draft.state().name().toLowerCase()
                    + ": it can no longer change; start a new draft");
        }
        return draft;
    }

    /** Stores a changed draft with what happened to it, unless someone wrote it meanwhile. */
    Draft write(Draft draft, PolicyFiles newBase, DraftEvent event) throws SQLException {
        if (!store.update(draft, newBase, event)) {
            throw new DraftChangedException(draft.id(), "Draft " + draft.id() + " was changed by someone else meanwhile;"
                    + " read it again and retry");
        }
        return store.find(draft.id()).orElseThrow();
    }

    /** The files of {@code wanted} that differ from {@code base}: new contents, or null for a deleted file. */
    static SortedMap<String, byte[]> changes(Map<String, byte[]> base, Map<String, byte[]> wanted) {
        SortedMap<String, byte[]> changes = new TreeMap<>();
        wanted.forEach((path, content) -> {
            if (!Arrays.equals(base.get(path), content)) {
                changes.put(path, content);
            }
        });
        base.keySet().stream().filter(path -> !wanted.containsKey(path)).forEach(path -> changes.put(path, null));
        return changes;
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw invalid("comment", "say why: a comment is required");
        }
        if (comment.length() > MAX_COMMENT) {
            throw invalid("comment", "a comment has at most " + MAX_COMMENT + " characters");
        }
        return comment.strip();
    }

    private static InvalidRequestException invalid(String field, String message) {
        return InvalidRequestException.of(List.of(FieldError.of(field, message)));
    }
}
