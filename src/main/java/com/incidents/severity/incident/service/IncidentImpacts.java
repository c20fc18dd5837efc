package com.incidents.severity.incident.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.model.NextEscalation;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.IncidentImpact;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.store.IncidentStore;
import com.incidents.severity.problem.ProblemException;

/**
 * Which open incidents a candidate policy would change now, before anyone approves it: each is
 * decided by the engine at this instant under the policy in force and under the candidate (what
 * the POLICY re-decision would do on publish), nothing recorded.
 */
@ApplicationScoped
public class IncidentImpacts {

    /** Open incidents checked at most, the most recently updated first. */
    static final int LIMIT = 1000;

    @Inject
    IncidentStore store;

    @Inject
    DecisionService decisions;

    @Inject
    Clock clock;

    public IncidentImpact of(PolicyEngine inForce, PolicyEngine candidate) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Incident> open = store.search(new IncidentQuery(IncidentState.OPEN, null, null, null, null, LIMIT));
        List<IncidentImpact.Change> changes = new ArrayList<>();
        int checked = 0;
        for (Incident incident : open) {
            Decision now1;
            try {
                now1 = decided(inForce, incident, now);
            } catch (ProblemException e) {
                continue; // the policy in force refuses its facts as they stand: nothing to compare
            }
            checked++;
            Decision then;
            try {
                then = decided(candidate, incident, now);
            } catch (ProblemException e) {
                changes.add(new IncidentImpact.Change(incident.key(), incident.severity(), now1.severity(), null,
                        at(now1), severity(now1), null, null, true, true, overridden(incident),
                        words(e)));
                continue;
            }
            boolean severity = !Objects.equals(now1.severity(), then.severity());
            boolean escalation = !Objects.equals(now1.nextEscalation(), then.nextEscalation());
            if (severity || escalation) {
                changes.add(new IncidentImpact.Change(incident.key(), incident.severity(), now1.severity(),
                        then.severity(), at(now1), severity(now1), at(then), severity(then), severity, escalation,
                        overridden(incident), null));
            }
        }
        return new IncidentImpact(now, checked, open.size() >= LIMIT, changes);
    }

    private Decision decided(PolicyEngine engine, Incident incident, Instant now) {
        return DecisionService.decide(engine, decisions.request(engine, IncidentFacts.request(incident.facts()), now));
    }

    /** Why the candidate refuses the facts, in its own words: each field with its message. */
    private static String words(ProblemException e) {
        var errors = e.problem().errors();
        return errors == null || errors.isEmpty() ? e.problem().detail()
                : String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
    }

    private static String overridden(Incident incident) {
        return incident.override() == null ? null : incident.override().severity();
    }

    private static Instant at(Decision d) {
        NextEscalation n = d.nextEscalation();
        return n == null ? null : n.at();
    }

    private static String severity(Decision d) {
        NextEscalation n = d.nextEscalation();
        return n == null ? null : n.severity();
    }
}
