package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.CompiledPolicy;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.Hostile;

/**
 * A policy of bounded FEEL whose decisions double a string one after another (16 x 2^40
 * characters at the end) is stopped between decisions: by the value-size limit, or with that
 * limit off by the allocation budget; and an interrupted evaluation stops at its next decision.
 * Each test would exhaust the heap of this JVM if its check were missing.
 */
class EvaluationBoundsTest {

    private static final Facts FACTS = new Facts("MAJOR", 6_000_000L, null, null, null, null, null, null);
    private static final CompiledPolicy CHAIN = chain(40);

    private static CompiledPolicy chain(int decisions) {
        PolicyFiles fixture = Fixture.files();
        Map<String, byte[]> files = new TreeMap<>(fixture.files());
        files.put("incident-severity.dmn", Hostile.doublingChain(fixture.text("incident-severity.dmn"), decisions)
                .getBytes(StandardCharsets.UTF_8));
        return new PolicyCompiler().compile(PolicyFiles.of("doubling", files));
    }

    @Test
    void aValuePastTheSizeLimitStopsTheEvaluation() {
        PolicyEngine engine = new PolicyEngine(CHAIN, 0, new EvaluationBounds(100_000, 0));
        EvaluationException stopped = assertThrows(EvaluationException.class, () -> engine.decide(FACTS));
        assertTrue(stopped.getMessage().contains("severity.evaluation.max-value-length"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("more than 100000 characters or items"), stopped.getMessage());
    }

    @Test
    void withTheSizeLimitOffTheAllocationBudgetStopsIt() {
        PolicyEngine engine = new PolicyEngine(CHAIN, 0, new EvaluationBounds(Integer.MAX_VALUE, 64L << 20));
        EvaluationException stopped = assertThrows(EvaluationException.class, () -> engine.decide(FACTS));
        assertTrue(stopped.getMessage().contains("severity.evaluation.max-allocated-bytes"), stopped.getMessage());
    }

    @Test
    void anInterruptedEvaluationStopsAtItsNextDecision() {
        PolicyEngine engine = new PolicyEngine(CHAIN, 0, EvaluationBounds.DEFAULT);
        Thread.currentThread().interrupt();
        try {
            EvaluationException stopped = assertThrows(EvaluationException.class, () -> engine.decide(FACTS));
            assertTrue(stopped.getMessage().contains("given up"), stopped.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theFixtureDecidesWithinTheDefaults() {
        PolicyEngine engine = new PolicyEngine(Fixture.engine().policy(), 0, EvaluationBounds.DEFAULT);
        assertEquals(Fixture.engine().decide(FACTS).severity(), engine.decide(FACTS).severity());
    }

    @Test
    void sizesCountNestedValuesAndStopPastTheLimit() {
        assertEquals(3, EvaluationBounds.size("abc", 10));
        assertEquals(2 + 1 + 2, EvaluationBounds.size(List.of("a", "bc"), 10));
        assertEquals(1 + 1 + 3, EvaluationBounds.size(Map.of("k", "abc"), 10));
        assertTrue(EvaluationBounds.size(java.util.Collections.nCopies(1_000_000, "x"), 10) <= 1_000_000);
    }
}
