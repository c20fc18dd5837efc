package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.support.Fixture;

/**
 * What may be answered where the engine must not run (the event loop): only an outcome the engine
 * made for exactly the same facts, with a next escalation only when the engine already decided
 * every later duration it depends on. Anything else is empty, and the engine must be asked.
 */
class RememberedAnswersTest {

    private static final Facts C1_OUTAGE = new Facts(null, null, null, null, "C1", "OUTAGE", 30L, null);

    @Test
    void onlyTheOutcomeTheEngineMadeForTheseVeryFactsIsRemembered() {
        PolicyEngine engine = fresh(1000);
        assertTrue(engine.remembered(C1_OUTAGE, false).isEmpty(), "nothing is decided yet");
        Outcome decided = engine.decide(C1_OUTAGE);
        assertSame(decided, engine.remembered(C1_OUTAGE, false).orElseThrow().outcome());
        assertTrue(engine.remembered(C1_OUTAGE.withDurationMinutes(31L), false).isEmpty(),
                "a minute more is other facts, whatever the tables say");
        assertEquals(new PolicyEngine.CacheCounts(1, 1), engine.cacheCounts(),
                "the engine's miss and the remembered answer are counted; looking without finding is not");
    }

    @Test
    void theNextEscalationIsRememberedOnlyOnceTheEngineDecidedItsLaterDurations() {
        PolicyEngine engine = fresh(1000);
        Outcome decided = engine.decide(C1_OUTAGE);
        assertTrue(engine.remembered(C1_OUTAGE, true).isEmpty(), "the later durations were never evaluated");
        var next = engine.nextByDuration(C1_OUTAGE, decided);
        assertTrue(next.isPresent());
        var remembered = engine.remembered(C1_OUTAGE, true).orElseThrow();
        assertSame(decided, remembered.outcome());
        assertEquals(next, remembered.next());
    }

    @Test
    void withTheCacheOffNothingIsRemembered() {
        PolicyEngine engine = fresh(0);
        engine.nextByDuration(C1_OUTAGE, engine.decide(C1_OUTAGE));
        assertTrue(engine.remembered(C1_OUTAGE, false).isEmpty());
        assertTrue(engine.remembered(C1_OUTAGE, true).isEmpty());
    }

    private static PolicyEngine fresh(long cacheEntries) {
        return new PolicyEngine(new PolicyCompiler().compile(Fixture.files()), cacheEntries);
    }
}
