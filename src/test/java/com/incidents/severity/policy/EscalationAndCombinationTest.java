package com.incidents.severity.policy;

import static com.incidents.severity.support.TestPolicy.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.incidents.severity.engine.Facts;

/** The escalation scale at every boundary, and how the DRL rules combine the three frameworks. */
class EscalationAndCombinationTest {

    @ParameterizedTest(name = "{0} reports -> {1}")
    @CsvSource(nullValues = "none", value = { "0, none", "2, none", "3, SEV3", "5, SEV3", "6, SEV2", "15, SEV2",
            "16, SEV1", "1000, SEV1" })
    void escalationScale(long reports, String expected) {
        var outcome = evaluate(new Facts(null, null, null, null, null, null, null, reports));
        assertEquals(expected, outcome.escalationSeverity());
        assertEquals(expected, outcome.severity());
        assertEquals(expected == null ? "NONE" : "ESCALATION", outcome.basis());
    }

    @ParameterizedTest(name = "{9}")
    @CsvSource(nullValues = "none", value = {
            // level, users, apps, tier, type, minutes, reports, severity, basis, case
            "MAJOR, 2000,  none, C1,   OUTAGE, 400,  none, SEV3, IMPACT,     counts take precedence over the capability tables",
            "MAJOR, 500,   none, C1,   OUTAGE, 400,  none, none, NONE,       counts below every band do not fall back to capability",
            "none,  none,  none, C1,   OUTAGE, 400,  none, SEV1, CAPABILITY, capability applies without counts",
            "MAJOR, 2000,  none, none, none,   none, 6,    SEV2, ESCALATION, reports raise an impact severity",
            "MAJOR, 6000000, none, none, none, none, 16,   SEV1, IMPACT,     reports never lower: SEV1 stays with its basis",
            "MAJOR, 6000000, none, none, none, none, 3,    SEV1, IMPACT,     few reports leave a high severity alone",
            "none,  none,  none, C3,   DEGRADATION, 30, 3, SEV3, ESCALATION, reports give a severity where the table has none",
            "none,  none,  none, C3,   DEGRADATION, 30, 2, none, NONE,       two reports do not escalate",
            "MINOR, 500,   2,    none, none,   none, 16,   SEV1, ESCALATION, reports escalate even below the impact bands",
            "none,  none,  none, C2,   OUTAGE, 30,   15,   SEV2, CAPABILITY, equal escalation keeps the framework basis" })
    void combination(String level, Long users, Long apps, String tier, String type, Long minutes, Long reports,
            String severity, String basis, String description) {
        var outcome = evaluate(new Facts(level, users, apps, null, tier, type, minutes, reports));
        assertEquals(severity, outcome.severity(), description);
        assertEquals(basis, outcome.basis(), description);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = { "SEV1, MAJOR, 15, 60", "SEV2, MAJOR, 15, 60", "SEV3, MINOR, none, none" })
    void responseTargets(String severity, String responseClass, Integer investigate, Integer update) {
        Facts facts = switch (severity) {
            case "SEV1" -> new Facts(null, null, null, null, null, null, null, 16L);
            case "SEV2" -> new Facts(null, null, null, null, null, null, null, 6L);
            default -> new Facts(null, null, null, null, null, null, null, 3L);
        };
        var targets = evaluate(facts).targets();
        assertEquals(responseClass, targets.responseClass());
        assertEquals(investigate, targets.investigationWithinMinutes());
        assertEquals(update, targets.statusUpdateWithinMinutes());
    }
}
