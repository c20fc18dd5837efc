package com.incidents.severity.engine;

import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers of the engine kept for parts of an evaluation that depend on a few values alone, for a
 * policy that decides from its facts alone ({@link CacheSafety}: no clock, no outside code, no
 * outside state in the rules). Each answer was made by the engine, the first time it was needed:
 * <ul>
 * <li>what the DRL rules make of an assessment, by its four table outcomes: the rules see only
 * the assessment made of them and the facts they insert themselves;</li>
 * <li>the response targets model's part of the trace and its targets, by severity: the model's
 * only input.</li>
 * </ul>
 * A part that failed is not kept, so it fails again as the engine would. Bounded, so that a policy
 * whose tables give unbounded values cannot grow them without end; an entry evicted is made again.
 * {@code engine.ShortcutsEqualEnginePropertyTest} holds every answer equal to the engine's without them.
 */
final class Shortcuts {

    private static final int MAX_ENTRIES = 10_000;

    private final Cache<List<String>, EngineEvaluator.Combination> combinations = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES).build();
    private final Cache<String, EngineEvaluator.Traced> targets = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .build();

    EngineEvaluator.Combination combination(String band, String impact, String capability, String escalation,
            Supplier<EngineEvaluator.Combination> rules) {
        return combinations.get(java.util.Arrays.asList(band, impact, capability, escalation), k -> rules.get());
    }

    EngineEvaluator.Traced targets(String severity, Supplier<EngineEvaluator.Traced> model) {
        return targets.get(severity, k -> model.get());
    }
}
