package com.incidents.severity.decision.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.ResponseTargetSpec;
import com.incidents.severity.decision.model.Attached;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.model.NextEscalation;
import com.incidents.severity.decision.model.ResponseTargets;
import com.incidents.severity.request.CapabilityFacts;
import com.incidents.severity.problem.ErrorIds;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.policy.service.PolicyService;

/**
 * Turns a request body into a decision with the policy in force, and answers only once the
 * decision (or the failed evaluation) is recorded in the audit trail.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    @Inject
    PolicyService policies;

    @Inject
    DecisionRecorder audit;

    @Inject
    DecisionMetrics metrics;

    /** Bad input throws at once (nothing is recorded); otherwise completes when the record is committed. */
    public CompletableFuture<Decision> decide(JsonNode body, Caller caller) {
        return decide(policies.current(), body, caller);
    }

    /** The policy in force now: a batch takes it once, so all its decisions share one version. */
    public PolicyEngine policyInForce() {
        return policies.current();
    }

    /** Whether a policy is in force on this replica (none has loaded yet, or every one was refused). */
    public boolean policyLoaded() {
        return policies.loaded();
    }

    /** Whether {@code engine} is the version the deployment has in force (see {@link PolicyService#isDeploymentVersion}). */
    public boolean inForceEverywhere(PolicyEngine engine) {
        return policies.isDeploymentVersion(engine.version());
    }

    public CompletableFuture<Decision> decide(PolicyEngine engine, JsonNode body, Caller caller) {
        return withCaller(caller, () -> evaluated(engine, checked(engine, body, Instant.now()), caller, null));
    }

    /**
     * The body as a valid request at {@code now} (a duration measured from {@code startedAt} ends
     * there), or a 422 naming every error at once, as {@link #decide(PolicyEngine, JsonNode, Caller)} checks it.
     */
    public DecisionRequest request(PolicyEngine engine, JsonNode body, Instant now) {
        return checked(engine, body, now);
    }

    /**
     * The engine decides {@code request}; what {@code attaching} makes of the decision goes into its
     * record and its transaction ({@link Attached}), so both are stored or neither is.
     */
    public CompletableFuture<Decision> decide(PolicyEngine engine, DecisionRequest request, Caller caller,
            Function<Decision, Attached> attaching) {
        return withCaller(caller, () -> evaluated(engine, request, caller, attaching));
    }

    /** A request already found valid ({@link #validRequest}): the engine decides it. */
    public CompletableFuture<Decision> decide(PolicyEngine engine, DecisionRequest request, Caller caller) {
        return withCaller(caller, () -> evaluated(engine, request, caller, null));
    }

    /** Every line logged while deciding carries the caller and, once there is one, the decision id (MDC). */
    private static <T> T withCaller(Caller caller, java.util.function.Supplier<T> deciding) {
        MDC.put(DecisionLog.CALLER, caller.name());
        try {
            return deciding.get();
        } finally {
            MDC.remove(DecisionLog.CALLER);
            MDC.remove(DecisionLog.DECISION_ID);
        }
    }

    private CompletableFuture<Decision> evaluated(PolicyEngine engine, DecisionRequest request, Caller caller,
            Function<Decision, Attached> attaching) {
        long start = System.nanoTime();
        Evaluated evaluated;
        try {
            evaluated = evaluate(engine, request);
        } catch (EvaluationException e) {
            long micros = (System.nanoTime() - start) / 1000;
            String decisionId = IDS.generate().toString();
            MDC.put(DecisionLog.DECISION_ID, decisionId);
            metrics.evaluated(micros);
            metrics.failed(engine.version());
            String errorId = ErrorIds.logged(LOG, e, "Policy " + engine.version() + " failed on decision " + decisionId);
            return audit.recordFailure(decisionId, request, engine, caller, micros, e.getMessage())
                    .thenApply(recorded -> {
                        throw new EvaluationFailedException(decisionId, errorId, e);
                    });
        }
        return recorded(engine, request, caller, evaluated, (System.nanoTime() - start) / 1000, attaching);
    }

    private CompletableFuture<Decision> recorded(PolicyEngine engine, DecisionRequest request, Caller caller,
            Evaluated evaluated, long micros, Function<Decision, Attached> attaching) {
        Decision decision = evaluated.decision();
        MDC.put(DecisionLog.DECISION_ID, decision.decisionId());
        metrics.evaluated(micros);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Decided %s (basis %s) with policy %s in %d µs", decision.severity(), decision.basis(),
                    engine.version(), micros);
        }
        Attached attached = attaching == null ? null : attaching.apply(decision);
        return audit.recordDecision(decision, evaluated.outcome(), request, engine, caller, micros, attached)
                .thenApply(recorded -> {
                    metrics.decided(decision);
                    return decision;
                });
    }

    /**
     * The valid request, or a 422 naming every error at once: field errors, cross-field errors and,
     * asked of the engine's outcome on the valid fields, the capability facts the request lacks
     * (when the refused fields leave that to judge: {@link CapabilityFacts#judgeable}).
     */
    static DecisionRequest checked(PolicyEngine engine, JsonNode body, Instant now) {
        RequestParser.Checked checked = RequestParser.check(body, engine.policy(), now);
        if (checked.errors().isEmpty()) {
            return checked.request();
        }
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (checked.givesFacts() && CapabilityFacts.judgeable(checked.refusedFields())) {
            try {
                Outcome partial = engine.decide(checked.request().facts());
                errors.addAll(CapabilityFacts.missing(checked.request(), partial, checked.refusedFields()));
            } catch (EvaluationException e) { // the field errors stand; what else is missing stays unknown
                LOG.debugf(e, "The policy failed on the valid fields of a refused request");
            }
        }
        throw InvalidRequestException.of(errors);
    }

    /**
     * The body as a valid request, checked without the engine; empty when it is refused or names a
     * capability the catalog lacks: its errors (capability suggestions, the facts the engine's
     * outcome says are missing) are worked out by {@link #decide(PolicyEngine, JsonNode, Caller)}
     * on a worker thread. May be called on the event loop.
     */
    public Optional<DecisionRequest> validRequest(PolicyEngine engine, JsonNode body) {
        if (body == null || !body.isObject() || unknownCapability(engine, body.get("capability"))) {
            return Optional.empty();
        }
        RequestParser.Checked checked = RequestParser.check(body, engine.policy(), Instant.now());
        return checked.errors().isEmpty() ? Optional.of(checked.request()) : Optional.empty();
    }

    /**
     * The answer made only of what the engine already decided for exactly this request's facts,
     * recorded as any other; empty when the engine has to run (nothing remembered for these
     * facts, the cache off, any part of the next escalation not yet evaluated). It never runs the
     * engine, so it may be called on the event loop; the engine runs on a worker thread
     * ({@link #decide(PolicyEngine, DecisionRequest, Caller)}).
     */
    public Optional<CompletableFuture<Decision>> decideRemembered(PolicyEngine engine, DecisionRequest request,
            Caller caller) {
        long start = System.nanoTime();
        Optional<PolicyEngine.Remembered> remembered = engine.remembered(request.facts(), request.ongoing());
        if (remembered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withCaller(caller, () -> {
            CapabilityFacts.require(request, remembered.get().outcome());
            Evaluated evaluated = answer(engine, request, remembered.get().outcome(), remembered.get().next());
            return recorded(engine, request, caller, evaluated, (System.nanoTime() - start) / 1000, null);
        }));
    }

    private static boolean unknownCapability(PolicyEngine engine, JsonNode name) {
        return name != null && !name.isNull()
                && (!name.isTextual() || engine.policy().catalog().find(name.textValue()).isEmpty());
    }

    /** A decision and the engine outcome it was made from. */
    public record Evaluated(Decision decision, Outcome outcome) {
    }

    public static Decision decide(PolicyEngine engine, DecisionRequest request) {
        return evaluate(engine, request).decision();
    }

    public static Evaluated evaluate(PolicyEngine engine, DecisionRequest request) {
        Outcome outcome = engine.decide(request.facts());
        CapabilityFacts.require(request, outcome);
        return answer(engine, request, outcome,
                request.ongoing() ? engine.nextByDuration(request.facts(), outcome) : Optional.empty());
    }

    /** The decision made of the engine's outcome for this request's facts and its next escalation. */
    private static Evaluated answer(PolicyEngine engine, DecisionRequest request, Outcome outcome,
            Optional<PolicyEngine.Escalation> escalation) {
        NextEscalation next = escalation
                .map(e -> new NextEscalation(request.startedAt().plusSeconds(e.atDurationMinutes() * 60),
                        e.severity(), e.atDurationMinutes()))
                .orElse(null);
        Decision decision = new Decision(IDS.generate().toString(), outcome.severity(), outcome.basis(),
                outcome.impactSeverity(), outcome.capabilitySeverity(), outcome.escalationSeverity(),
                outcome.capabilityTier(), targets(outcome, request), next, outcome.firedRules(),
                explanation(outcome, request, next), engine.version(), request.receivedAt(), request.facts());
        return new Evaluated(decision, outcome);
    }

    private static ResponseTargets targets(Outcome outcome, DecisionRequest request) {
        ResponseTargetSpec spec = outcome.targets();
        if (outcome.severity() == null || spec == null) {
            return null;
        }
        return new ResponseTargets(spec.responseClass(), spec.investigationWithinMinutes(),
                spec.statusUpdateWithinMinutes(), spec.handling(),
                due(request.pagedAt(), spec.investigationWithinMinutes()),
                due(request.startedAt(), spec.statusUpdateWithinMinutes()));
    }

    private static Instant due(Instant from, Integer minutes) {
        return from == null || minutes == null ? null : from.plusSeconds(minutes * 60L);
    }

    private static List<String> explanation(Outcome outcome, DecisionRequest request, NextEscalation next) {
        boolean givenBeside = !request.ongoing() && request.startedAt() != null
                && request.facts().durationMinutes() != null;
        if (!request.ongoing() && !givenBeside && next == null) {
            return outcome.explanation();
        }
        List<String> lines = new ArrayList<>(outcome.explanation().size() + 2);
        if (request.ongoing()) {
            lines.add("Duration: " + request.facts().durationMinutes() + " minutes so far, measured from startedAt "
                    + request.startedAt() + ".");
        } else if (givenBeside) {
            lines.add("Duration: " + request.facts().durationMinutes() + " minutes, as given in durationMinutes"
                    + " (not measured from startedAt " + request.startedAt() + ", which places the response targets).");
        }
        lines.addAll(outcome.explanation());
        if (next != null) {
            lines.add("Unless resolved, the incident becomes " + next.severity() + " at " + next.at() + " (after "
                    + next.afterMinutes() + " minutes).");
        }
        return lines;
    }
}
