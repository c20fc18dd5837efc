package com.incidents.severity.draft.service;

import java.time.Instant;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.draft.DraftChangedException;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.draft.NotApprovedException;
import com.incidents.severity.draft.RebaseConflictException;
import com.incidents.severity.draft.StaleBaseException;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.draft.model.DraftEvent;
import com.incidents.severity.draft.model.DraftEventKind;
import com.incidents.severity.draft.model.Published;
import com.incidents.severity.draft.store.DraftStore;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.policy.model.PolicyChanged;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.policy.rest.PolicyRefusedProblem;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.Publication;

/**
 * Publishes a draft: approved (where {@code severity.publish.require-approval}), made on the version
 * in force, passing every check of a reload; then in force at once, stored for every replica, and
 * written into the rules folder where it may be. Rebases a draft whose base is no longer in force.
 */
@ApplicationScoped
public class DraftPublisher {

    @Inject
    DraftService drafts;

    @Inject
    DraftStore store;

    @Inject
    DraftReport reports;

    @Inject
    PolicyService policies;

    @Inject
    PolicyConfig config;

    public Published publish(String id, String publisher) throws Exception {
        Draft draft = drafts.open(id);
        if (config.publish().requireApproval() && !draft.approved()) {
            throw new NotApprovedException(id, "Draft " + id + (draft.reviewer() == null ? " has no approval"
                    : draft.state().name().equals("REJECTED") ? " was rejected by " + draft.reviewer()
                            : " was changed after its approval by " + draft.reviewer() + " (revision "
                                    + draft.reviewedRevision() + "; it is at revision " + draft.revision() + ")")
                    + "; a policy editor other than its author must approve its current revision"
                    + " (POST /api/v1/policy/drafts/" + id + "/approve)");
        }
        if (draft.changes().isEmpty()) {
            throw com.incidents.severity.problem.InvalidRequestException.of(java.util.List.of(
                    com.incidents.severity.problem.FieldError.of("files", "draft " + id + " changes no file of its base:"
                            + " there is nothing to publish")));
        }
        PolicyFiles files = drafts.files(draft);
        boolean rollback = !files.version().equals(draft.baseVersion()) && store.known(files.version());
        ReloadTrigger trigger = rollback ? ReloadTrigger.ROLLBACK : ReloadTrigger.PUBLISH;
        PolicyChanged.ChangeAuthors by = new PolicyChanged.ChangeAuthors(draft.author(),
                draft.approved() ? draft.reviewer() : null, publisher, id);
        // the replay impact at publish time, for the change record, from the check the publish then reuses
        DraftReport.Checked checked = reports.checked(draft);
        Publication p = policies.publish(draft.baseVersion(), files, trigger, by, draft.comment(),
                checked.view().impact(), checked.check());
        switch (p.outcome()) {
            case STALE -> throw new StaleBaseException(id, draft.baseVersion(), p.versionInForce());
            case REFUSED -> throw new CandidateRefusedException(PolicyRefusedProblem.candidate(p.versionInForce(),
                    files.version(), p.check().blocking(), p.check().warnings()));
            default -> {
            }
        }
        Instant at = Instant.now();
        if (!store.published(draft.published(publisher, files.version(), at), files)) {
            throw new DraftChangedException(id, "Version " + files.version() + " is in force, but draft " + id
                    + " was changed by someone else meanwhile and is not marked published");
        }
        return new Published(files.version(), id, trigger, at, p.folderProblem() == null, p.folderProblem(),
                "/api/v1/policy/drafts/" + id + "/zip", "/api/v1/policy/drafts/" + id + "/patch");
    }

    /**
     * Moves a draft onto the version in force, keeping its changes where they touch other files or
     * rows than the version in force's own; refused, unchanged, on a conflict. A rebased draft is
     * a new revision, to be approved again.
     */
    public Draft rebase(String id, String by) throws Exception {
        Draft draft = drafts.open(id);
        policies.current();
        PolicyFiles inForce = policies.inForceFiles();
        if (inForce.version().equals(draft.baseVersion())) {
            return draft;
        }
        PolicyFiles base = drafts.base(draft);
        Rebase.Result merged = Rebase.merge(base.files(), drafts.files(draft).files(), inForce.files());
        if (!merged.conflicts().isEmpty()) {
            throw new RebaseConflictException(id, draft.baseVersion(), inForce.version(), merged.conflicts());
        }
        SortedMap<String, byte[]> changes = DraftService.changes(inForce.files(), merged.files());
        Draft rebased = draft.withChanges(inForce.version(), changes, Instant.now());
        return drafts.write(rebased, inForce, DraftEvent.of(rebased, DraftEventKind.REBASED, by, inForce.version()));
    }
}
