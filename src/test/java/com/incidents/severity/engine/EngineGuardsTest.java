package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.support.Fixture;

/**
 * The outcome cache steps aside for any policy that may decide from more than its facts, DRL that
 * would run outside code never reaches Drools, the next escalation is found by the engine and the
 * rules' own ranking (their SeverityRank facts), and the rules must declare what the service asks
 * of them.
 */
class EngineGuardsTest {

    private static final String DMN = "incident-severity.dmn";
    private static final String DRL = "severity/combination.drl";

    @Test
    void theFixtureDecidesFromItsFactsAloneSoTheCacheIsOn() {
        assertEquals("on", Fixture.engine().cacheStatus());
        assertEquals("on", Fixture.engine().nextEscalationStatus());
    }

    @Test
    void feelThatReadsTheClockTurnsTheCacheOff() {
        PolicyEngine engine = Fixture.edited(DMN, dmn -> dmn.replaceFirst("<text>&quot;HIGH&quot;</text></outputEntry>",
                "<text>if today() = null then &quot;NONE&quot; else &quot;HIGH&quot;</text></outputEntry>"), 1000);
        assertTrue(engine.cacheStatus().startsWith("off: ") && engine.cacheStatus().contains("today()"),
                engine.cacheStatus());
        Facts facts = new Facts("MAJOR", 6_000_000L, null, null, null, null, null, null);
        assertEquals(engine.evaluateWithEngine(facts), engine.decide(facts));
    }

    @Test
    void drlThatCallsOutsideCodeIsRefusedBeforeItIsBuilt() {
        PolicyBuildException refused = assertThrows(PolicyBuildException.class, () -> Fixture.edited(DRL,
                drl -> drl.replace("modify ($a) { setBasis(\"NONE\") }",
                        "modify ($a) { setBasis(\"NONE\") }\n    System.currentTimeMillis();"), 1000));
        assertTrue(refused.getMessage().contains(DRL) && refused.getMessage().contains("System.currentTimeMillis()"),
                refused.getMessage());
    }

    @Test
    void drlThatImportsClassesIsRefusedBeforeItIsBuilt() {
        PolicyBuildException refused = assertThrows(PolicyBuildException.class, () -> Fixture.edited(DRL,
                drl -> drl.replace("package severity;", "package severity;\n\nimport java.util.List;"), 1000));
        assertTrue(refused.getMessage().contains("import java.util.List is not allowed"), refused.getMessage());
    }

    @Test
    void aConfiguredSizeOfZeroTurnsTheCacheOff() {
        PolicyEngine engine = Fixture.edited(DRL, drl -> drl.replace("// One decision", "// Each decision"), 0);
        assertEquals("off: disabled by configuration", engine.cacheStatus());
    }

    @Test
    void theNextEscalationIsWhereTheEngineFirstDecidesMoreSevere() {
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
        Facts counted = new Facts("MINOR", 10L, null, null, "C1", "OUTAGE", 30L, null);
        assertTrue(engine.nextByDuration(counted, engine.decide(counted)).isEmpty(),
                "with counts the impact matrix decides, so time changes nothing");
    }

    @Test
    void whatIsMoreSevereIsTheRulesOwnRanking() {
        PolicyEngine reversed = Fixture.edited(DRL, drl -> drl
                .replace("new SeverityRank(\"SEV1\", 3)", "new SeverityRank(\"SEV1\", 1)")
                .replace("new SeverityRank(\"SEV3\", 1)", "new SeverityRank(\"SEV3\", 3)"), 1000);
        Facts c1Outage = new Facts(null, null, null, null, "C1", "OUTAGE", 30L, null);
        assertTrue(reversed.nextByDuration(c1Outage, reversed.decide(c1Outage)).isEmpty(),
                "under rules that rank SEV1 lowest, becoming SEV1 is no escalation");
    }

    @Test
    void aComputedDurationLeavesTheNextEscalationUnknownNotWrong() {
        PolicyEngine engine = Fixture.edited(DMN, dmn -> dmn.replace(
                "<text>Duration minutes</text></inputExpression>", "<text>Duration minutes / 60</text></inputExpression>"),
                1000);
        assertTrue(engine.nextEscalationStatus().startsWith("off: "), engine.nextEscalationStatus());
        Facts facts = new Facts(null, null, null, null, "C1", "OUTAGE", 1L, null);
        assertTrue(engine.nextByDuration(facts, engine.decide(facts)).isEmpty());
    }

    /** A policy that breaks at run time fails the evaluation, and what broke stays its cause (for the log). */
    @Test
    void aRuleThatFailsAtRunTimeFailsTheEvaluationAndKeepsItsCause() {
        PolicyEngine engine = Fixture.edited(DRL, drl -> drl.replace("insert(new SeverityRank(\"NONE\", 0));",
                "insert(new SeverityRank(\"NONE\", 0 / 0));"), 1000);
        Facts facts = new Facts(null, null, null, null, null, null, null, 3L);
        EvaluationException failed = assertThrows(EvaluationException.class, () -> engine.decide(facts));
        Throwable root = failed;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root instanceof ArithmeticException, () -> "the cause is kept: " + failed);
    }

    @Test
    void rulesWithoutTheMoreSevereQueryAreRefused() {
        PolicyBuildException refused = assertThrows(PolicyBuildException.class, () -> Fixture.edited(DRL,
                drl -> drl.replace("query \"more severe\"", "query \"ranked higher\""), 1000));
        assertTrue(refused.getMessage().contains("query \"more severe\""), refused.getMessage());
    }
}
