package com.incidents.severity.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.incidents.severity.engine.model.CompiledPolicy;

/**
 * Decides with one policy version. The engine evaluates every request; an outcome is reused only
 * for a later request with exactly the same facts, and only when {@link CacheSafety} finds that the
 * policy decides from its facts alone (no clock, no outside code). Each cached outcome was made
 * from those very facts, so its trace holds the request's own evaluated inputs and outputs.
 */
public final class PolicyEngine {

    private final EngineEvaluator engine;
    private final EngineEvaluator reference;
    private final long maxEntries;
    private final EvaluationBounds bounds;
    private final DurationSteps steps;
    private final Cache<Facts, Outcome> cache;
    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
    private final String cacheStatus;
    private final Map<String, Boolean> ranking = new ConcurrentHashMap<>();

    public PolicyEngine(CompiledPolicy policy, long maxEntries) {
        this(policy, maxEntries, EvaluationBounds.DEFAULT);
    }

    /** An engine whose every evaluation keeps to {@code bounds} (value sizes, allocation, interruption). */
    public PolicyEngine(CompiledPolicy policy, long maxEntries, EvaluationBounds bounds) {
        this(policy, maxEntries, bounds, true);
    }

    /**
     * @param shortcuts whether the evaluator may keep the answers of the parts that depend on a few
     *        values alone ({@link Shortcuts}), when the policy decides from its facts alone
     */
    PolicyEngine(CompiledPolicy policy, long maxEntries, EvaluationBounds bounds, boolean shortcuts) {
        String unsafe = CacheSafety.check(policy).orElse(null);
        this.engine = new EngineEvaluator(policy, bounds, shortcuts && unsafe == null);
        this.reference = new EngineEvaluator(policy, bounds, false);
        this.maxEntries = maxEntries;
        this.bounds = bounds;
        this.steps = DurationSteps.of(policy);
        String problem = maxEntries <= 0 ? "disabled by configuration" : unsafe;
        this.cache = problem == null ? Caffeine.newBuilder().maximumSize(maxEntries).recordStats(() -> stats).build() : null;
        this.cacheStatus = problem == null ? "on" : "off: " + problem;
    }

    public CompiledPolicy policy() {
        return engine.policy();
    }

    public String version() {
        return engine.policy().version();
    }

    /** Whether evaluations take the shortcuts of {@link Shortcuts} (the policy decides from its facts alone). */
    boolean usesShortcuts() {
        return engine.usesShortcuts();
    }

    /** Whether the severity model's decisions are kept by the values they require ({@link DecisionMemo}). */
    boolean remembersDecisions() {
        return engine.remembersDecisions();
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
        var counts = stats.snapshot();
        return new CacheCounts(counts.hitCount(), counts.missCount());
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

    /**
     * The engine alone: bypassing the cache and every shortcut ({@link Shortcuts}), both models
     * and a rules session for these facts. What the answers of {@link #decide} are tested against.
     */
    public Outcome evaluateWithEngine(Facts facts) {
        return reference.evaluate(facts);
    }

    /**
     * This engine as it decided before its shortcuts: the same policy, bounds and cache, every
     * evaluation running both models and a rules session. For measuring what the shortcuts save
     * side by side in one run (bench/jmh.sh), and for tests that hold the two equal.
     */
    public PolicyEngine withoutShortcuts() {
        return new PolicyEngine(engine.policy(), maxEntries, bounds, false);
    }

    /**
     * For an incident still going on: the first later whole minute at which the engine decides a
     * more severe outcome for otherwise the same facts. The candidates are the duration bounds of
     * the tables ({@link DurationSteps}); between two of them no table can decide differently. The
     * rules' own query says what "more severe" means.
     */
    public Optional<Escalation> nextByDuration(Facts facts, Outcome current) {
        try {
            return next(facts, current, true);
        } catch (NotRemembered impossible) {
            throw new IllegalStateException("The engine was allowed to run", impossible);
        }
    }

    /**
     * The answer the engine already made for exactly these facts (and, when asked, the next
     * escalation from the outcomes and rankings it already made for the later durations), found
     * without evaluating anything: empty when the cache is off or any part of the answer would
     * need the engine now. This is what may be answered on a thread that must not run the engine.
     */
    public Optional<Remembered> remembered(Facts facts, boolean withNext) {
        if (cache == null) {
            return Optional.empty();
        }
        Outcome outcome = cache.asMap().get(facts); // counted below only when it answers
        if (outcome == null) {
            return Optional.empty();
        }
        try {
            Optional<Escalation> next = withNext ? next(facts, outcome, false) : Optional.empty();
            stats.recordHits(1);
            return Optional.of(new Remembered(outcome, next));
        } catch (NotRemembered stepNeedsTheEngine) {
            return Optional.empty();
        }
    }

    /** An outcome the engine made earlier for the same facts, with the next escalation when asked. */
    public record Remembered(Outcome outcome, Optional<Escalation> next) {
    }

    private Optional<Escalation> next(Facts facts, Outcome current, boolean engineMayRun) throws NotRemembered {
        if (facts.durationMinutes() == null) {
            return Optional.empty();
        }
        for (long minutes : steps.after(facts.durationMinutes())) {
            Facts step = facts.withDurationMinutes(minutes);
            Outcome later;
            if (engineMayRun) {
                try {
                    later = decide(step);
                } catch (EvaluationException beyondWhatThePolicyDecides) {
                    return Optional.empty();
                }
            } else {
                later = cache.asMap().get(step);
            }
            if (later == null) {
                throw NotRemembered.INSTANCE;
            }
            if (moreSevere(later.severity(), current.severity(), engineMayRun)) {
                return Optional.of(new Escalation(minutes, later.severity()));
            }
        }
        return Optional.empty();
    }

    /** Some part of an answer was never made by the engine: only the engine can give it. */
    private static final class NotRemembered extends Exception {
        static final NotRemembered INSTANCE = new NotRemembered();

        private NotRemembered() {
            super("not remembered", null, false, false);
        }
    }

    /**
     * The rules' answer to "does {@code candidate} rank above {@code current}". It depends on the
     * two severities alone, so where outcomes may be kept (the policy decides from its inputs
     * alone) each pair's answer is kept too, instead of a rules session per step of every ongoing
     * incident.
     */
    private boolean moreSevere(String candidate, String current, boolean engineMayRun) throws NotRemembered {
        if (cache == null) {
            return engine.moreSevere(candidate, current);
        }
        String pair = candidate + '\u0000' + current;
        if (!engineMayRun) {
            Boolean known = ranking.get(pair);
            if (known == null) {
                throw NotRemembered.INSTANCE;
            }
            return known;
        }
        return ranking.computeIfAbsent(pair, k -> engine.moreSevere(candidate, current));
    }

    /** A later duration and the severity the incident reaches then. */
    public record Escalation(long atDurationMinutes, String severity) {
    }
}
