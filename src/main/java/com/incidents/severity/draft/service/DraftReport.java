package com.incidents.severity.draft.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.draft.model.DraftSummary;
import com.incidents.severity.draft.model.DraftView;
import com.incidents.severity.draft.model.ValidationReport;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.incident.model.IncidentImpact;
import com.incidents.severity.incident.service.IncidentImpacts;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TableDiff;
import com.incidents.severity.preview.model.PreviewReport;
import com.incidents.severity.preview.service.PreviewService;

/**
 * A draft's view: its files checked as a reload would check them, the diff of its tables against
 * its base's (the console's version diff), and, when a reload would accept it, its replay impact
 * (a preview's) against the policy in force and the open incidents it would change now.
 */
@ApplicationScoped
public class DraftReport {

    @Inject
    DraftService drafts;

    @Inject
    PolicyService policies;

    @Inject
    PreviewService previews;

    @Inject
    IncidentImpacts incidents;

    public DraftSummary summary(Draft draft) throws Exception {
        return DraftSummary.of(draft, drafts.base(draft).files().keySet());
    }

    /** A draft's view and the check it was made from (a publish puts that check's engine in force). */
    public record Checked(DraftView view, PolicyCheck check) {
    }

    public DraftView view(Draft draft) throws Exception {
        return checked(draft).view();
    }

    public Checked checked(Draft draft) throws Exception {
        PolicyFiles base = drafts.base(draft);
        PolicyFiles files = drafts.files(draft);
        PolicyCheck check = policies.checkCandidate(files);
        PolicyEngine inForce = policies.loaded() ? policies.current() : null;
        boolean baseInForce = inForce != null && inForce.version().equals(base.version());
        Map<String, DecisionTableInfo> baseTables = baseInForce ? inForce.policy().tables()
                : policies.checkCandidate(base).tables();
        PreviewReport impact = null;
        IncidentImpact openIncidents = null;
        String unavailable = null;
        if (inForce == null) {
            unavailable = "no policy is in force to compare with";
        } else if (!check.accepted()) {
            unavailable = "a reload would refuse the draft (see validation): it cannot be replayed";
        } else {
            impact = previews.replay(inForce, check);
            openIncidents = incidents.of(inForce, check.engine());
        }
        DraftView.Exports exports = draft.state() == com.incidents.severity.draft.model.DraftState.ABANDONED ? null
                : new DraftView.Exports("/api/v1/policy/drafts/" + draft.id() + "/zip",
                        "/api/v1/policy/drafts/" + draft.id() + "/patch");
        return new Checked(new DraftView(DraftSummary.of(draft, base.files().keySet()), files.version(),
                inForce == null ? null : inForce.version(), baseInForce,
                check.built() ? changed(baseTables, check.tables()) : List.of(), validation(check), impact, unavailable,
                openIncidents, exports, drafts.history(draft.id())), check);
    }

    /** The tables the draft changes, each with only its added, removed and changed rows. */
    private static List<TableDiff.TableChanges> changed(Map<String, DecisionTableInfo> base,
            Map<String, DecisionTableInfo> draft) {
        return TableDiff.compare(base, draft).stream().filter(t -> !t.unchanged())
                .map(t -> new TableDiff.TableChanges(t.key(), t.from(), t.to(),
                        t.rows().stream().filter(r -> r.change() != TableDiff.Change.SAME).toList(), t.added(),
                        t.removed(), t.changed()))
                .toList();
    }

    private static ValidationReport validation(PolicyCheck c) {
        return new ValidationReport(c.accepted(), c.built(), c.build(), c.validation(), c.scenarios(),
                c.scenariosFailed(), c.blocking(), c.durationMs());
    }
}
