package com.incidents.severity.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

/**
 * Every answer is what Drools decides for that very request: the edits that once made a class
 * cache answer differently from the engine, per-request traces, and output values.
 */
class EngineTruthTest {

    private static final String DMN = "incident-severity.dmn";

    static Facts c1Outage(long minutes) {
        return new Facts(null, null, null, null, "C1", "OUTAGE", minutes, null);
    }

    /** Asks the cached path for each facts in turn and checks each answer against the engine alone. */
    static void answersEqualTheEngine(PolicyEngine engine, Facts... sequence) {
        for (Facts facts : sequence) {
            Outcome answered = engine.decide(facts);
            Outcome engineAlone = engine.evaluateWithEngine(facts);
            assertEquals(engineAlone, answered, () -> "answer and engine differ for " + facts);
        }
    }

    /** Gives an input data node a new item definition of type number with the allowed values. */
    static UnaryOperator<String> constrain(String variableId, String input, String type, String allowed) {
        return dmn -> dmn
                .replace("<variable id=\"" + variableId + "\" name=\"" + input + "\" typeRef=\"number\"/>",
                        "<variable id=\"" + variableId + "\" name=\"" + input + "\" typeRef=\"" + type + "\"/>")
                .replace("  <inputData id=\"_input_001\"", "  <itemDefinition id=\"_item_" + type + "\" name=\"" + type
                        + "\"><typeRef>number</typeRef><allowedValues><text>" + allowed + "</text></allowedValues>"
                        + "</itemDefinition>\n  <inputData id=\"_input_001\"");
    }

    @Test
    void aDurationConstraintOnTheDataTypeDoesNotLeakBetweenRequests() {
        UnaryOperator<String> edit = constrain("_var_037", "Duration minutes", "tDuration", "[0..10080]");
        PolicyEngine engine = Fixture.edited(DMN, edit, 1000);
        assertEquals("on", engine.cacheStatus());
        answersEqualTheEngine(engine, c1Outage(20_000), c1Outage(400), c1Outage(20_000));
        answersEqualTheEngine(Fixture.edited(DMN, edit, 1000), c1Outage(400), c1Outage(20_000), c1Outage(400));
    }

    @Test
    void aColumnsInputValuesDoNotLeakBetweenRequests() {
        PolicyEngine engine = Fixture.edited(DMN, dmn -> dmn.replace(
                "<inputExpression id=\"_ie_401\" typeRef=\"number\"><text>Duration minutes</text></inputExpression>",
                "<inputExpression id=\"_ie_401\" typeRef=\"number\"><text>Duration minutes</text></inputExpression>"
                        + "<inputValues><text>[0..10080]</text></inputValues>"), 1000);
        answersEqualTheEngine(engine, c1Outage(20_000), c1Outage(400), c1Outage(20_000), c1Outage(400));
    }

    @Test
    void aColumnThatSpellsTheInputWithOtherSpacingIsStillAnsweredByTheEngine() {
        PolicyEngine engine = Fixture.edited(DMN, dmn -> dmn.replaceFirst(
                "<text>Partner reports</text></inputExpression>", "<text>Partner  reports</text></inputExpression>"),
                1000);
        Facts twenty = new Facts(null, null, null, null, null, null, null, 20L);
        Facts one = new Facts(null, null, null, null, null, null, null, 1L);
        answersEqualTheEngine(engine, one, twenty, one, twenty);
        assertEquals(Fixture.engine().evaluateWithEngine(twenty).severity(), engine.decide(twenty).severity(),
                "the engine reads the column as Partner reports");
        assertEquals(20L, table(engine.decide(twenty), "Escalation severity").inputs().get("Partner  reports"),
                "the trace holds the value the engine evaluated for the column, under the column's own text");
        assertEquals("C2", table(engine.decide(new Facts(null, null, null, null, "C2", "OUTAGE", 30L, null)),
                "Capability severity").inputs().get("Capability lookup.tier"), "a path into a decision's result");
    }

    @Test
    void anAllowedValuesRangeOnAffectedUsersDoesNotLeakBetweenRequests() {
        PolicyEngine engine = Fixture.edited(DMN,
                constrain("_var_032", "Affected users", "tUsers", "[0..10000000000]"), 1000);
        Facts huge = new Facts("MAJOR", 20_000_000_000L, null, null, null, null, null, null);
        Facts large = new Facts("MAJOR", 6_000_000L, null, null, null, null, null, null);
        answersEqualTheEngine(engine, large, huge, large, huge);
    }

    @Test
    void eachTraceHoldsItsOwnRequestsEvaluatedInputs() {
        PolicyEngine engine = Fixture.engine();
        Outcome first = engine.decide(new Facts("MAJOR", 250_000L, null, null, null, null, null, null));
        Outcome second = engine.decide(new Facts("MAJOR", 4_999_999L, null, null, null, null, null, null));
        assertEquals(first.severity(), second.severity(), "both fall in one band of the fixture");
        assertEquals(250_000L, band(first).inputs().get("Affected users"));
        assertEquals(4_999_999L, band(second).inputs().get("Affected users"));
    }

    @Test
    void firedRowsRecordTheValuesTheEngineProduced() {
        Outcome outcome = Fixture.engine().decide(new Facts(null, null, null, null, "C2", "OUTAGE", 30L, null));
        FiredRule lookup = outcome.firedRules().stream()
                .filter(r -> "Capability lookup".equals(r.decision())).findFirst().orElseThrow();
        assertEquals("C2", lookup.outputs().get("tier"), "the value, not the cell text 'Stated tier'");
        FiredRule severity = outcome.firedRules().stream()
                .filter(r -> "Capability severity".equals(r.decision())).findFirst().orElseThrow();
        assertEquals(Map.of("Capability severity", outcome.capabilitySeverity()), severity.outputs());
    }

    @Test
    void everyMatchedRowInTheTraceHoldsTheValuesTheEngineProduced() {
        Outcome outcome = Fixture.engine().decide(new Facts("MAJOR", 250_000L, 3L, null, "C2", "OUTAGE", 30L, null));
        TableTrace lookup = table(outcome, "Capability lookup");
        assertEquals("C2", lookup.outputs().get(lookup.selected().get(0)).get("tier"),
                "the value, not the cell text 'Stated tier'");
        for (TableTrace t : outcome.tables()) {
            assertEquals(java.util.Set.copyOf(t.matched()), t.outputs().keySet(), t.decision());
        }
        for (FiredRule fired : outcome.firedRules()) {
            if ("DMN".equals(fired.kind())) {
                assertEquals(fired.outputs(), table(outcome, fired.decision()).outputs().get(fired.ruleIndex()),
                        fired.decision());
            }
        }
    }

    @Test
    void aCachedOutcomeIsOnlyEverReusedForTheSameFacts() {
        PolicyEngine engine = Fixture.engine();
        Outcome once = engine.decide(c1Outage(95));
        assertSame(once, engine.decide(new Facts(null, null, null, null, "C1", "OUTAGE", 95L, null)));
        assertNotEquals(once, engine.decide(c1Outage(96)), "95 and 96 minutes have different traces");
    }

    private static TableTrace band(Outcome outcome) {
        return table(outcome, "Impact band");
    }

    private static TableTrace table(Outcome outcome, String decision) {
        return outcome.tables().stream().filter(t -> t.decision().equals(decision)).findFirst().orElseThrow();
    }
}
