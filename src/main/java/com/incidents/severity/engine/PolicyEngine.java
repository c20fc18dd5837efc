package com.incidents.severity.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.engine.model.CompiledPolicy;

/**
 * Decides with one policy version. The engine evaluates every request; an outcome is reused only
 * for a later request with exactly the same facts, and only when {@link CacheSafety} finds that the
 * policy decides from its facts alone (no clock, no outside code). Each cached outcome was made
 * from those very facts, so its trace holds the request's own evaluated inputs and outputs.
 */
public final class PolicyEngine {

    private final EngineEvaluator engine;
    private final DurationSteps steps;
    private final Cache<Facts, Outcome> cache;
    private final String cacheStatus;
    private final Map<String, Boolean> ranking = new ConcurrentHashMap<>();

    public PolicyEngine(CompiledPolicy policy, long maxEntries) {
        this.engine = new EngineEvaluator(policy);
        this.steps = DurationSteps.of(policy);
        String problem = maxEntries <= 0 ? "disabled by configuration" : CacheSafety.check(policy).orElse(null);
        this.cache = problem == null ? Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build() : null;
        this.cacheStatus = problem == null ? "on" : "off: " + problem;
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

    /** Outcome cache lookups since this engine came into force that found an outcome, and that did not. */
    public record CacheCounts(long hits, long misses) {
    }

    /** This engine's cache lookups (zero when the cache is off). */
    public CacheCounts cacheCounts() {
        if (cache == null) {
            return new CacheCounts(0, 0);
        }
        var stats = cache.stats();
        return new CacheCounts(stats.hitCount(), stats.missCount());
    }

    /** "on", or "off: why" when the policy's use of the duration is not understood. */
    public String nextEscalationStatus() {
        return steps.status();
    }

    public Outcome decide(Facts facts) {
        if (cache == null) {
            return engine.evaluate(facts);
        }
        Outcome cached = cache.getIfPresent(facts);
        if (cached != null) {
            return cached;
        }
        Outcome outcome = engine.evaluate(facts);
        cache.put(facts, outcome);
        return outcome;
    }

    /** The engine alone, bypassing the cache. */
    public Outcome evaluateWithEngine(Facts facts) {
        return engine.evaluate(facts);
    }

    /**
     * For an incident still going on: the first later whole minute at which the engine decides a
     * more severe outcome for otherwise the same facts. The candidates are the duration bounds of
     * the tables ({@link DurationSteps}); between two of them no table can decide differently. The
     * rules' own query says what "more severe" means.
     */
    public Optional<Escalation> nextByDuration(Facts facts, Outcome current) {
        if (facts.durationMinutes() == null) {
            return Optional.empty();
        }
        for (long minutes : steps.after(facts.durationMinutes())) {
            Outcome later;
            try {
                later = decide(facts.withDurationMinutes(minutes));
            } catch (EvaluationException beyondWhatThePolicyDecides) {
                return Optional.empty();
            }
            if (moreSevere(later.severity(), current.severity())) {
                return Optional.of(new Escalation(minutes, later.severity()));
            }
        }
        return Optional.empty();
    }

    /**
     * The rules' answer to "does {@code candidate} rank above {@code current}". It depends on the
     * two severities alone, so where outcomes may be kept (the policy decides from its inputs
     * alone) each pair's answer is kept too, instead of a rules session per step of every ongoing
     * incident.
     */
    private boolean moreSevere(String candidate, String current) {
        if (cache == null) {
            return engine.moreSevere(candidate, current);
        }
        return ranking.computeIfAbsent(candidate + '\u0000' + current, k -> engine.moreSevere(candidate, current));
    }

    /** A later duration and the severity the incident reaches then. */
    public record Escalation(long atDurationMinutes, String severity) {
    }
}
