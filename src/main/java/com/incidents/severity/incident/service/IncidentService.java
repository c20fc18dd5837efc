package com.incidents.severity.incident.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.decision.model.Attached;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.incident.IncidentRefusedException;
import com.incidents.severity.incident.model.Due;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.IncidentChange;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.model.Override;
import com.incidents.severity.incident.model.Timeline;
import com.incidents.severity.incident.model.Trigger;
import com.incidents.severity.incident.store.IncidentStore;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.ProblemException;
import com.incidents.severity.request.DecisionRequest;

/**
 * Follows incidents: every change of an incident's facts, every instant that falls due and its
 * end are decided by the engine and recorded in the audit chain as a decision naming the incident
 * and its trigger, with the incident's new state, its events and its due work in the same transaction.
 */
@ApplicationScoped
public class IncidentService {

    /** Who decides when time passes: the service itself, as recorded in the chain. */
    public static final Caller SERVICE = new Caller("severity-service", "incidents");

    private static final int ATTEMPTS = 5;

    @Inject
    DecisionService decisions;

    @Inject
    IncidentStore store;

    @Inject
    IncidentEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public Incident get(String key) {
        checkKey(key);
        return read(() -> store.find(key)).orElseThrow(() -> IncidentRefusedException.notFound(key));
    }

    public Timeline timeline(String key) {
        get(key);
        return read(() -> new Timeline(key, store.decisions(key), store.events(key)));
    }

    public List<Incident> search(IncidentQuery q) {
        return read(() -> store.search(q));
    }

    /** Creates the incident, or replaces its facts ({@code ifMatch} then required). */
    public CompletableFuture<Incident> put(String key, JsonNode facts, String ifMatch, Caller caller) {
        checkKey(key);
        requireObject(facts);
        return retried(() -> {
            Incident current = read(() -> store.find(key)).orElse(null);
            precondition(key, current, ifMatch, true);
            return change(current, key, (ObjectNode) facts, caller);
        });
    }

    /** Changes some facts: {@code patch} is a JSON merge patch (RFC 7396) over the current ones. */
    public CompletableFuture<Incident> patch(String key, JsonNode patch, String ifMatch, Caller caller) {
        checkKey(key);
        requireObject(patch);
        return retried(() -> {
            Incident current = get(key);
            precondition(key, current, ifMatch, false);
            return change(current, key, (ObjectNode) IncidentFacts.merge(current.facts(), patch), caller);
        });
    }

    /**
     * Sets the incident's severity by hand ({@code severity} of the policy in force, with a
     * reason); the engine decides it all the same, and its outcome is kept and shown beside.
     */
    public CompletableFuture<Incident> override(String key, String severity, String reason, Caller caller) {
        checkKey(key);
        PolicyEngine engine = decisions.policyInForce();
        List<String> severities = engine.policy().inputTypes().severity().values();
        List<FieldError> errors = new ArrayList<>();
        String matched = severity == null ? null
                : severities.stream().filter(v -> v.equalsIgnoreCase(severity.strip())).findFirst().orElse(null);
        if (matched == null) {
            errors.add(new FieldError("severity", "severity must be one of the policy's severities: "
                    + String.join(", ", severities), severity, severities));
        }
        errors.addAll(reasonErrors(reason));
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return retried(() -> {
            Incident current = open(key);
            Instant now = now();
            return decide(new IncidentStep.Cause(current, key, Trigger.OVERRIDE, caller.name(), current.facts(),
                    current.revision(), null, now, null, new Override(matched, reason.strip(), caller.name(), now),
                    reason.strip()), IncidentFacts.request(current.facts()), caller);
        });
    }

    /** Lifts the override: the engine's severity is in force again. */
    public CompletableFuture<Incident> lift(String key, String reason, Caller caller) {
        checkKey(key);
        List<FieldError> errors = reasonErrors(reason);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return retried(() -> {
            Incident current = open(key);
            if (current.override() == null) {
                throw IncidentRefusedException.noOverride(key);
            }
            return decide(new IncidentStep.Cause(current, key, Trigger.OVERRIDE, caller.name(), current.facts(),
                    current.revision(), null, now(), null, null, reason.strip()), IncidentFacts.request(current.facts()),
                    caller);
        });
    }

    /** The incident, still open: a resolved one is no longer changed (409). */
    private Incident open(String key) {
        Incident current = get(key);
        if (current.state() == IncidentState.RESOLVED) {
            throw IncidentRefusedException.resolved(key);
        }
        return current;
    }

    private static List<FieldError> reasonErrors(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(FieldError.of("reason", "reason is required: say why the severity is set by hand"));
        }
        if (reason.length() > 2000) {
            return List.of(FieldError.of("reason", "reason has " + reason.length() + " characters; at most 2000"));
        }
        return List.of();
    }

    /** Records that it ended at {@code resolvedAt} (null: now) and decides it a last time, on its final duration. */
    public CompletableFuture<Incident> resolve(String key, Instant resolvedAt, String ifMatch, Caller caller) {
        checkKey(key);
        return retried(() -> {
            Incident current = get(key);
            precondition(key, current, ifMatch, false);
            Instant now = now();
            Instant ended = resolvedAt == null ? now : resolvedAt;
            Instant started = IncidentStep.instant(current.facts(), "startedAt");
            List<FieldError> errors = new ArrayList<>();
            if (ended.isAfter(now)) {
                errors.add(FieldError.rejected("resolvedAt", "resolvedAt lies in the future", ended.toString()));
            } else if (started != null && ended.isBefore(started)) {
                errors.add(FieldError.rejected("resolvedAt", "resolvedAt is before the incident's startedAt (" + started
                        + ")", ended.toString()));
            }
            if (!errors.isEmpty()) {
                throw InvalidRequestException.of(errors);
            }
            ObjectNode body = IncidentFacts.request(current.facts());
            if (started != null && !body.hasNonNull("durationMinutes")) {
                body.put("durationMinutes", Duration.between(started, ended).toMinutes()); // the final duration
            }
            return decide(new IncidentStep.Cause(current, key, Trigger.RESOLVE, caller.name(), current.facts(),
                    current.revision(), null, now, ended), body, caller);
        });
    }

    /**
     * Does one piece of due work: decides the incident at this instant (trigger {@code TIME}), if it
     * is still open and has had no decision since the work was scheduled, or under the policy in
     * force (trigger {@code POLICY}) if it is still decided under another version; otherwise drops it.
     * Completes with whether a decision was recorded.
     */
    public CompletableFuture<Boolean> due(Due work) {
        Incident current = read(() -> store.find(work.key())).orElse(null);
        boolean policy = Due.POLICY.equals(work.kind());
        if (current == null || current.state() != IncidentState.OPEN
                || (policy ? current.policyVersion().equals(work.policyVersion())
                        : current.decisions() != work.afterDecision())) {
            read(() -> {
                store.drop(work);
                return null;
            });
            return CompletableFuture.completedFuture(false);
        }
        PolicyEngine engine = decisions.policyInForce();
        if (!mayDecide(work, current, engine)) {
            read(() -> {
                store.release(work);
                return null;
            });
            return CompletableFuture.completedFuture(false);
        }
        Instant now = now();
        return decide(engine, new IncidentStep.Cause(current, work.key(), policy ? Trigger.POLICY : Trigger.TIME,
                SERVICE.name(), current.facts(), current.revision(), work, now, null),
                IncidentFacts.request(current.facts()), SERVICE)
                .handle((incident, e) -> {
                    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                    if (cause instanceof IncidentRefusedException r && r.moved()) {
                        return false; // decided meanwhile: that decision scheduled what is due now
                    }
                    if (cause != null) {
                        throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
                    }
                    return true;
                });
    }

    private CompletableFuture<Incident> change(Incident current, String key, ObjectNode given, Caller caller) {
        if (current != null && current.state() == IncidentState.RESOLVED) {
            throw IncidentRefusedException.resolved(key);
        }
        ObjectNode facts = IncidentFacts.withoutNulls(given);
        Instant now = now();
        int revision = current == null ? 1 : current.revision() + 1;
        return decide(new IncidentStep.Cause(current, key, Trigger.FACTS, caller.name(), facts, revision, null, now,
                null), IncidentFacts.request(facts), caller);
    }

    /**
     * Whether this replica serves the deployment's policy version: one still following a publish, or
     * serving none yet, leaves due work to the others.
     */
    public boolean followsDeployment() {
        return decisions.policyLoaded() && decisions.inForceEverywhere(decisions.policyInForce());
    }

    /**
     * Whether this replica may do {@code work} with {@code engine}, so that no incident is ever left
     * decided under a version older than one it was decided under: time work under the version the
     * incident was last decided with (POLICY work then still brings it forward) or the deployment's; POLICY
     * work under the version it asks for or the deployment's. A replica still following a publish gives
     * such work back for another (or its own next look). Should the deployment's version change between this
     * check and the commit, the commit finds the incident decided meanwhile and is refused.
     */
    private boolean mayDecide(Due work, Incident current, PolicyEngine engine) {
        String asked = Due.POLICY.equals(work.kind()) ? work.policyVersion() : current.policyVersion();
        return engine.version().equals(asked) || decisions.inForceEverywhere(engine);
    }

    private CompletableFuture<Incident> decide(IncidentStep.Cause cause, ObjectNode body, Caller caller) {
        return decide(decisions.policyInForce(), cause, body, caller);
    }

    private CompletableFuture<Incident> decide(PolicyEngine engine, IncidentStep.Cause cause, ObjectNode body,
            Caller caller) {
        List<FieldError> own = IncidentFacts.checkOwn(cause.facts(), cause.now());
        DecisionRequest request;
        try {
            request = decisions.request(engine, body, cause.now());
        } catch (InvalidRequestException e) {
            if (own.isEmpty()) {
                throw e;
            }
            List<FieldError> all = new ArrayList<>(e.problem().errors());
            all.addAll(own);
            throw InvalidRequestException.of(all);
        }
        if (!own.isEmpty()) {
            throw InvalidRequestException.of(own);
        }
        IncidentChange[] made = new IncidentChange[1];
        return decisions.decide(engine, request, caller, d -> {
            made[0] = IncidentStep.of(cause, d, events);
            return new Attached("incident", member(made[0]), store.rows(made[0]));
        }).thenApply(d -> made[0].after());
    }

    /** The record's {@code incident} member: which incident, which step of it, why, and the events it caused. */
    private JsonNode member(IncidentChange change) {
        var e = change.entry();
        ObjectNode m = json.createObjectNode();
        m.put("key", change.after().key());
        m.put("revision", change.after().revision());
        m.put("n", e.n());
        m.put("trigger", e.trigger().name());
        m.put("severityBefore", e.severityBefore());
        m.set("changedFacts", json.valueToTree(e.changedFacts()));
        m.put("dueWork", e.dueWork());
        m.put("lateMillis", e.lateMillis());
        m.put("severity", e.severity());
        m.set("override", json.valueToTree(e.override()));
        m.put("overrideReason", e.overrideReason());
        m.set("targets", json.valueToTree(e.targets()));
        var ids = m.putArray("events");
        change.events().forEach(ev -> ids.addObject().put("id", ev.get("id").textValue()).put("type", ev.get("type").textValue()));
        return m;
    }

    /** Made again, from the stored state, when another decision about the incident was recorded first. */
    private static CompletableFuture<Incident> retried(Supplier<CompletableFuture<Incident>> attempt) {
        CompletableFuture<Incident> result = new CompletableFuture<>();
        attempt(attempt, ATTEMPTS, result);
        return result;
    }

    private static void attempt(Supplier<CompletableFuture<Incident>> attempt, int left,
            CompletableFuture<Incident> result) {
        CompletableFuture<Incident> tried;
        try {
            tried = attempt.get();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        tried.whenComplete((incident, e) -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof IncidentRefusedException r && r.moved() && left > 1) {
                attempt(attempt, left - 1, result);
            } else if (cause != null) {
                result.completeExceptionally(cause);
            } else {
                result.complete(incident);
            }
        });
    }

    /** Now, to the microsecond: the precision of the decision's own decidedAt and of the store's columns. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static void precondition(String key, Incident current, String ifMatch, boolean creating) {
        if (current == null) {
            if (ifMatch != null && !ifMatch.isBlank()) { // RFC 9110: If-Match, even *, fails where nothing exists
                throw IncidentRefusedException.stale(key, ifMatch.strip(), null);
            }
            if (!creating) {
                throw IncidentRefusedException.notFound(key);
            }
            return;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw IncidentRefusedException.unconditional(key, current.etag());
        }
        String given = ifMatch.strip();
        if (!given.equals("*") && !given.equals(current.etag()) && !given.equals("W/" + current.etag())) {
            throw IncidentRefusedException.stale(key, given, current.etag());
        }
    }

    private static void checkKey(String key) {
        List<FieldError> errors = IncidentFacts.checkKey(key);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON object of facts")));
        }
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new ProblemException(com.incidents.severity.problem.Problem.of("store-unavailable",
                    "The incident store is unavailable", 503, "The database did not answer; retry shortly"), e);
        }
    }
}
