package com.incidents.severity.incident.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.model.ResponseTargets;
import com.incidents.severity.engine.FiredRule;
import com.incidents.severity.incident.model.Due;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.IncidentChange;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.model.Override;
import com.incidents.severity.incident.model.TargetClock;
import com.incidents.severity.incident.model.TimelineEntry;
import com.incidents.severity.incident.model.Trigger;

/**
 * What one decision does to an incident, worked out from the incident before it and the engine's
 * decision: the incident after it, its target clocks, the timeline entry, the events it causes and
 * the work it leaves due. It decides nothing itself: the severity, targets and next escalation are
 * the decision's.
 */
final class IncidentStep {

    private IncidentStep() {
    }

    /**
     * What is being decided: the incident before (null when new), why, and at which facts and
     * revision; {@code override} is the override in force after it (the one before, unless this sets
     * or lifts it: then {@code overrideReason} says why).
     */
    record Cause(Incident before, String key, Trigger trigger, String actor, JsonNode facts, int revision,
            Due dueWork, Instant now, Instant resolvedAt, Override override, String overrideReason) {

        Cause(Incident before, String key, Trigger trigger, String actor, JsonNode facts, int revision, Due dueWork,
                Instant now, Instant resolvedAt) {
            this(before, key, trigger, actor, facts, revision, dueWork, now, resolvedAt,
                    before == null ? null : before.override(), null);
        }

        boolean resolving() {
            return resolvedAt != null;
        }
    }

    static IncidentChange of(Cause cause, Decision d, IncidentEvents events) {
        Incident before = cause.before();
        List<TargetClock> targets = clocks(d.responseTargets(), cause.facts(), before, cause.now());
        IncidentState state = cause.resolving() ? IncidentState.RESOLVED : IncidentState.OPEN;
        List<String> rows = rows(d.firedRules());
        Override override = cause.override();
        String severity = override != null ? override.severity() : d.severity();
        Incident after = new Incident(cause.key(), state, cause.revision(), severity, d.severity(), override, d.basis(),
                d.responseTargets(), state == IncidentState.OPEN ? d.nextEscalation() : null, targets,
                d.explanation(), rows, cause.facts(), d.decisionId(), before == null ? 1 : before.decisions() + 1,
                d.policyVersion(), before == null ? cause.actor() : before.openedBy(),
                before == null ? cause.now() : before.openedAt(), cause.now(),
                cause.resolvedAt());
        List<ObjectNode> caused = events.caused(before, after, cause.trigger(), newlyMissed(before, targets),
                cause.overrideReason(), cause.actor());
        List<String> previousRows = before == null ? List.of() : before.decidingRows();
        Long late = cause.dueWork() == null || Due.POLICY.equals(cause.dueWork().kind()) ? null
                : Math.max(0, Duration.between(cause.dueWork().dueAt(), cause.now()).toMillis());
        TimelineEntry entry = new TimelineEntry(after.decisions(), d.decisionId(), cause.trigger(), cause.now(),
                d.policyVersion(), cause.actor(), before == null ? null : before.severity(), severity, d.severity(),
                override, cause.overrideReason(), changedFacts(before == null ? null : before.facts(), cause.facts()), minus(previousRows, rows),
                minus(rows, previousRows), targets, late, cause.dueWork() == null ? null : cause.dueWork().kind(),
                cause.dueWork() == null ? null : cause.dueWork().changeId(), caused.stream().map(e -> e.get("type").textValue()).toList());
        return new IncidentChange(after, before == null ? 0 : before.decisions(),
                before == null ? null : before.revision(), entry, caused, due(after));
    }

    /** The response targets as clocks: met or missed by their facts, missed once their instant has passed. */
    static List<TargetClock> clocks(ResponseTargets t, JsonNode facts, Incident before, Instant now) {
        List<TargetClock> clocks = new ArrayList<>(2);
        if (t != null) {
            clock(clocks, "investigation", t.investigationDueAt(), instant(facts, "investigationStartedAt"), before, now);
            clock(clocks, "statusUpdate", t.statusUpdateDueAt(), instant(facts, "statusUpdateAt"), before, now);
        }
        return clocks;
    }

    private static void clock(List<TargetClock> clocks, String target, Instant due, Instant done, Incident before,
            Instant now) {
        if (due == null) {
            return;
        }
        if (done != null) {
            boolean met = !done.isAfter(due);
            clocks.add(new TargetClock(target, due, done, met ? TargetClock.MET : TargetClock.MISSED,
                    met ? null : Duration.between(due, done).toSeconds()));
        } else if (!now.isBefore(due)) {
            Long late = missedBefore(before, target, due).map(TargetClock::lateSeconds)
                    .orElse(Duration.between(due, now).toSeconds());
            clocks.add(new TargetClock(target, due, null, TargetClock.MISSED, late));
        } else {
            clocks.add(new TargetClock(target, due, null, TargetClock.RUNNING, null));
        }
    }

    private static java.util.Optional<TargetClock> missedBefore(Incident before, String target, Instant due) {
        return before == null ? java.util.Optional.empty()
                : before.targets().stream().filter(c -> c.target().equals(target) && c.dueAt().equals(due)
                        && TargetClock.MISSED.equals(c.state())).findFirst();
    }

    private static List<TargetClock> newlyMissed(Incident before, List<TargetClock> after) {
        return after.stream().filter(c -> TargetClock.MISSED.equals(c.state()))
                .filter(c -> missedBefore(before, c.target(), c.dueAt()).isEmpty()).toList();
    }

    /** The work an open incident leaves due: its next escalation and the target clocks still running. */
    static List<Due> due(Incident after) {
        List<Due> due = new ArrayList<>(3);
        if (after.state() != IncidentState.OPEN) {
            return due;
        }
        if (after.nextEscalation() != null) {
            due.add(new Due(after.key(), Due.ESCALATION, after.nextEscalation().at(), after.decisions()));
        }
        for (TargetClock c : after.targets()) {
            if (TargetClock.RUNNING.equals(c.state())) {
                due.add(new Due(after.key(), c.target().equals("investigation") ? Due.INVESTIGATION : Due.STATUS_UPDATE,
                        c.dueAt(), after.decisions()));
            }
        }
        return due;
    }

    static Instant instant(JsonNode facts, String field) {
        JsonNode v = facts == null ? null : facts.get(field);
        return v == null || !v.isTextual() ? null : Instant.parse(v.textValue());
    }

    private static List<String> rows(List<FiredRule> fired) {
        return fired == null ? List.of()
                : fired.stream().filter(r -> "DMN".equals(r.kind())).map(r -> r.decision() + "#" + r.ruleId()).toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    static List<String> changedFacts(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode side : new JsonNode[] {before, after}) {
            if (side != null) {
                for (Iterator<String> it = side.fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
            }
        }
        return names.stream().filter(n -> !Objects.equals(before == null ? null : before.get(n), after.get(n)))
                .toList();
    }
}
