package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.DURATION_MINUTES;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.engine.model.CompiledPolicy;

/**
 * Decides with one policy version. The engine evaluates every class of inputs the first time it is
 * seen; later facts of the same class get that same outcome and trace from a bounded cache. The
 * classes come from the loaded tables ({@link InputClasses}) and are checked against the engine
 * when the policy loads ({@link EngineCheck}); if either fails, every decision goes to the engine.
 */
public final class PolicyEngine {

    private final EngineEvaluator engine;
    private final InputClasses classes;
    private final Cache<ClassKey, Outcome> cache;
    private final String cacheStatus;

    public PolicyEngine(CompiledPolicy policy, long maxEntries, int verifySamples) {
        this.engine = new EngineEvaluator(policy);
        this.classes = InputClasses.derive(policy.severityModel());
        String problem = !classes.supported() ? "off: " + classes.unsupportedReason()
                : maxEntries <= 0 ? "off: disabled by configuration"
                : EngineCheck.run(engine, classes, verifySamples).map(p -> "off: " + p).orElse(null);
        this.cache = problem == null ? Caffeine.newBuilder().maximumSize(maxEntries).build() : null;
        this.cacheStatus = problem == null ? "on" : problem;
    }

    public CompiledPolicy policy() {
        return engine.policy();
    }

    public String version() {
        return engine.policy().version();
    }

    /** "on", or "off: why". */
    public String cacheStatus() {
        return cacheStatus;
    }

    public Outcome decide(Facts facts) {
        if (cache == null) {
            return engine.evaluate(facts);
        }
        return cache.get(classes.key(facts), k -> engine.evaluate(facts));
    }

    /** The engine alone, bypassing the cache: what the cache is checked against. */
    public Outcome evaluateWithEngine(Facts facts) {
        return engine.evaluate(facts);
    }

    /**
     * For an incident still going on: the first later duration (in whole minutes) at which the
     * policy gives a more severe outcome for otherwise the same facts, with that outcome.
     */
    public Optional<Escalation> nextByDuration(Facts facts, Outcome current) {
        NumericClasses durations = classes.of(DURATION_MINUTES);
        if (facts.durationMinutes() == null || !classes.supported()) {
            return Optional.empty();
        }
        for (int cls = durations.classOf(facts.durationMinutes()) + 1; cls < durations.classCount(); cls++) {
            Long minutes = durations.smallestMember(cls);
            if (minutes != null && minutes > facts.durationMinutes()) {
                Outcome later = decide(facts.withDurationMinutes(minutes));
                if (Severities.rank(later.severity()) > Severities.rank(current.severity())) {
                    return Optional.of(new Escalation(minutes, later.severity()));
                }
            }
        }
        return Optional.empty();
    }

    /** A later duration and the severity the incident reaches then. */
    public record Escalation(long atDurationMinutes, String severity) {
    }
}
