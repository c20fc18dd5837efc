package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.incidents.severity.support.Fixture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's shortcuts ({@link Shortcuts}: the rules' answer kept per four table outcomes, the
 * response targets kept per severity; {@link DecisionMemo}: each decision kept by the values it
 * requires) give what the engine gives without them, for whatever
 * facts arrive in whatever order: the whole outcome (trace, fired rules, explanation, targets)
 * and the next escalation, on the shipped policy and on an edit whose SEV2 targets differ from SEV1's.
 * The reference keeps nothing: no cache, no shortcuts, a rules session and both models for every
 * evaluation. jqwik reports the seed of any failure.
 */
class ShortcutsEqualEnginePropertyTest {

    private static final PolicyEngine FAST = new PolicyEngine(Fixture.engine().policy(), 0, EvaluationBounds.DEFAULT);
    private static final PolicyEngine REFERENCE = new PolicyEngine(Fixture.engine().policy(), 0,
            EvaluationBounds.DEFAULT, false);
    // Another policy, whose SEV2 targets differ from SEV1's in their minutes too (the cache on).
    private static final PolicyEngine EDITED_FAST = Fixture.edited("response-targets.dmn",
            dmn -> dmn.replace("<outputEntry id=\"_le_583\"><text>15</text>", "<outputEntry id=\"_le_583\"><text>30</text>"),
            1000);
    private static final PolicyEngine EDITED_REFERENCE = new PolicyEngine(EDITED_FAST.policy(), 0,
            EvaluationBounds.DEFAULT, false);

    @Property(tries = 300)
    void everyOutcomeAndNextEscalationIsTheEnginesWithoutShortcuts(@ForAll("facts") List<Facts> sequence) {
        for (PolicyEngine[] pair : List.of(new PolicyEngine[] { FAST, REFERENCE },
                new PolicyEngine[] { EDITED_FAST, EDITED_REFERENCE })) {
            for (Facts facts : sequence) {
                Outcome expected;
                try {
                    expected = pair[1].decide(facts);
                } catch (EvaluationException refused) {
                    assertThrows(EvaluationException.class, () -> pair[0].decide(facts), () -> "for " + facts);
                    continue;
                }
                Outcome answered = pair[0].decide(facts);
                assertEquals(expected, answered, () -> "outcome for " + facts);
                assertEquals(pair[1].nextByDuration(facts, expected), pair[0].nextByDuration(facts, answered),
                        () -> "next escalation for " + facts);
            }
        }
    }

    /** The shortcuts are on for the shipped policy: otherwise the property above compares the engine with itself. */
    @Example
    void theShippedPolicyTakesTheShortcuts() {
        assertTrue(FAST.usesShortcuts());
        assertTrue(FAST.remembersDecisions());
        assertTrue(EDITED_FAST.usesShortcuts());
        assertTrue(EDITED_FAST.remembersDecisions());
        assertFalse(REFERENCE.usesShortcuts());
        assertFalse(REFERENCE.remembersDecisions());
        assertFalse(EDITED_REFERENCE.usesShortcuts());
        Facts sev2 = new Facts(null, null, null, null, "C2", "OUTAGE", 10L, null);
        assertEquals(30, EDITED_FAST.decide(sev2).targets().investigationWithinMinutes(), "the edit is in force");
    }

    @Provide
    Arbitrary<List<Facts>> facts() {
        Arbitrary<Long> count = Arbitraries.oneOf(Arbitraries.longs().between(0, 200),
                Arbitraries.longs().between(0, 30_000_000_000L), Arbitraries.just(null));
        Arbitrary<Long> minutes = Arbitraries.oneOf(Arbitraries.longs().between(0, 400), Arbitraries.just(null));
        Arbitrary<Long> reports = Arbitraries.oneOf(Arbitraries.longs().between(0, 25), Arbitraries.just(null));
        Arbitrary<String> level = Arbitraries.of("MAJOR", "MINOR").injectNull(0.3);
        Arbitrary<String> tier = Arbitraries.of("C1", "C2", "C3").injectNull(0.4);
        Arbitrary<String> type = Arbitraries.of("OUTAGE", "DEGRADATION").injectNull(0.2);
        Arbitrary<String> capability = Arbitraries.of(Fixture.engine().policy().catalog().entries().stream()
                .map(e -> e.name()).toList()).injectNull(0.5);
        Arbitrary<Facts> one = Combinators.combine(level, count, count, capability, tier, type, minutes, reports)
                .as(Facts::new);
        return one.list().ofMaxSize(12);
    }
}
