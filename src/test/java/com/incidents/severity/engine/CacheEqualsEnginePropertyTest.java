package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.incidents.severity.support.Fixture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever order requests arrive in, each answer is the engine's own outcome for that request:
 * on the fixture policy and on edited copies that once fooled a class cache (a constrained
 * duration, a column spelled with other spacing). jqwik reports the seed of any failure.
 */
class CacheEqualsEnginePropertyTest {

    private static final PolicyEngine CONSTRAINED = Fixture.edited("incident-severity.dmn",
            EngineTruthTest.constrain("_var_037", "Duration minutes", "tDuration", "[0..10080]"), 1000);
    private static final PolicyEngine SPACED = Fixture.edited("incident-severity.dmn", dmn -> dmn.replaceFirst(
            "<text>Partner reports</text></inputExpression>", "<text>Partner  reports</text></inputExpression>"), 1000);

    @Property(tries = 200)
    void everyAnswerIsTheEnginesOutcomeForThatRequest(@ForAll("facts") @Size(max = 12) List<Facts> sequence) {
        for (PolicyEngine engine : List.of(Fixture.engine(), CONSTRAINED, SPACED)) {
            for (Facts facts : sequence) {
                assertEquals(engine.evaluateWithEngine(facts), engine.decide(facts), () -> "for " + facts);
            }
        }
    }

    @Provide
    Arbitrary<List<Facts>> facts() {
        Arbitrary<Long> count = Arbitraries.oneOf(Arbitraries.longs().between(0, 200),
                Arbitraries.longs().between(0, 30_000_000_000L), Arbitraries.just(null));
        Arbitrary<String> level = Arbitraries.of("MAJOR", "MINOR").injectNull(0.3);
        Arbitrary<String> tier = Arbitraries.of("C1", "C2", "C3").injectNull(0.3);
        Arbitrary<String> type = Arbitraries.of("OUTAGE", "DEGRADATION").injectNull(0.3);
        Arbitrary<String> capability = Arbitraries.of(Fixture.engine().policy().catalog().entries().stream()
                .map(e -> e.name()).toList()).injectNull(0.6);
        Arbitrary<Facts> one = Combinators.combine(level, count, count, capability, tier, type, count, count)
                .as(Facts::new);
        return one.list().ofMaxSize(12);
    }
}
