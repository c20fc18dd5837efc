package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.support.Fixture;

/**
 * The cached path gives exactly the engine's outcome and trace, and steps aside when it cannot be
 * sure; on the fixture policy, whose thresholds the class and escalation cases name.
 */
class OutcomeCacheTest {

    @Test
    void cachedOutcomesEqualTheEngineForTwentyThousandRandomFacts() {
        PolicyEngine engine = Fixture.engine();
        assertEquals("on", engine.cacheStatus());
        InputClasses classes = InputClasses.derive(engine.policy().severityModel());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Facts facts = EngineCheck.randomFacts(random, classes, engine.policy().catalog().entries());
            Outcome cached = engine.decide(facts);
            Outcome direct = engine.evaluateWithEngine(facts);
            assertTrue(cached.sameDecisionAs(direct), () -> "cache and engine differ for " + facts);
            assertEquals(direct.firedRules(), cached.firedRules());
        }
    }

    @Test
    void classesAreCutAtTheThresholdsOfTheTables() {
        InputClasses classes = InputClasses.derive(Fixture.engine().policy().severityModel());
        NumericClasses minutes = classes.of("Duration minutes");
        assertEquals(minutes.classOf(0L), minutes.classOf(119L));
        assertTrue(minutes.classOf(119L) != minutes.classOf(120L));
        assertEquals(minutes.classOf(121L), minutes.classOf(299L));
        assertTrue(minutes.classOf(300L) != minutes.classOf(301L));
        assertEquals(minutes.classOf(301L), minutes.classOf(100_000L));
        NumericClasses users = classes.of("Affected users");
        assertTrue(users.classOf(999L) != users.classOf(1000L));
        assertTrue(users.classOf(100_000L) != users.classOf(100_001L));
        assertTrue(users.classOf(5_000_000L) != users.classOf(5_000_001L));
    }

    @Test
    void nextEscalationComesFromTheEngineAtTheNextDurationBand() {
        PolicyEngine engine = Fixture.engine();
        Facts c1Outage = new Facts(null, null, null, null, "C1", "OUTAGE", 30L, null);
        var next = engine.nextByDuration(c1Outage, engine.decide(c1Outage)).orElseThrow();
        assertEquals(120, next.atDurationMinutes());
        assertEquals("SEV1", next.severity());
        Facts c3Outage = new Facts(null, null, null, null, "C3", "OUTAGE", 150L, null);
        var c3 = engine.nextByDuration(c3Outage, engine.decide(c3Outage)).orElseThrow();
        assertEquals(301, c3.atDurationMinutes());
        assertEquals("SEV2", c3.severity());
        Facts c2Outage = new Facts(null, null, null, null, "C2", "OUTAGE", 30L, null);
        assertTrue(engine.nextByDuration(c2Outage, engine.decide(c2Outage)).isEmpty(), "C2 outages stay SEV2");
    }

    @Test
    void aPolicyThatComputesWithANumberTurnsTheCacheOff() {
        PolicyFiles original = Fixture.files();
        Map<String, byte[]> files = new TreeMap<>(original.files());
        String dmn = original.text("incident-severity.dmn")
                .replace("<text>Duration minutes</text></inputExpression>",
                        "<text>Duration minutes / 60</text></inputExpression>");
        files.put("incident-severity.dmn", dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(PolicyFiles.of("test", files)), 1000, 50);
        assertTrue(engine.cacheStatus().startsWith("off:"), engine.cacheStatus());
        assertTrue(engine.cacheStatus().contains("Duration minutes"), engine.cacheStatus());
    }

    @Test
    void unaryTestsAreReadOrRefused() {
        assertEquals(List.of(120.0, 300.0), UnaryTests.thresholds("[120..300]"));
        assertEquals(List.of(2.0, 5.0), UnaryTests.thresholds("(2..5]"));
        assertEquals(List.of(1000.0), UnaryTests.thresholds("<1000"));
        assertEquals(List.of(), UnaryTests.thresholds("-"));
        assertEquals(List.of(), UnaryTests.thresholds("null"));
        assertEquals(List.of(3.0, 7.0), UnaryTests.thresholds("3, >=7"));
        assertEquals(null, UnaryTests.thresholds("> Affected apps * 2"));
    }
}
