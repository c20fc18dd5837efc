package com.incidents.severity.policy;

import static com.incidents.severity.support.TestPolicy.capability;
import static com.incidents.severity.support.TestPolicy.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cell of the capability outage and degradation tables, each at both ends of its duration
 * band: under 2 h is 0..119 minutes, 2-5 h is 120..300 (both included), over 5 h is 301 and up.
 */
class CapabilityTablesTest {

    @ParameterizedTest(name = "{0} {1} for {2} min -> {3}")
    @CsvSource(nullValues = "none", value = {
            "C1, OUTAGE, 0,   SEV2", "C1, OUTAGE, 119, SEV2", "C1, OUTAGE, 120, SEV1", "C1, OUTAGE, 300, SEV1",
            "C1, OUTAGE, 301, SEV1", "C1, OUTAGE, 10000, SEV1",
            "C2, OUTAGE, 0,   SEV2", "C2, OUTAGE, 119, SEV2", "C2, OUTAGE, 120, SEV2", "C2, OUTAGE, 300, SEV2",
            "C2, OUTAGE, 301, SEV2", "C2, OUTAGE, 10000, SEV2",
            "C3, OUTAGE, 0,   SEV3", "C3, OUTAGE, 119, SEV3", "C3, OUTAGE, 120, SEV3", "C3, OUTAGE, 300, SEV3",
            "C3, OUTAGE, 301, SEV2", "C3, OUTAGE, 10000, SEV2",
            "C1, DEGRADATION, 0,   SEV2", "C1, DEGRADATION, 119, SEV2", "C1, DEGRADATION, 120, SEV1",
            "C1, DEGRADATION, 300, SEV1", "C1, DEGRADATION, 301, SEV1",
            "C2, DEGRADATION, 0,   SEV3", "C2, DEGRADATION, 119, SEV3", "C2, DEGRADATION, 120, SEV2",
            "C2, DEGRADATION, 300, SEV2", "C2, DEGRADATION, 301, SEV2",
            // the empty cell: C3 degradation under 2 hours has no severity
            "C3, DEGRADATION, 0,   none", "C3, DEGRADATION, 119, none", "C3, DEGRADATION, 120, SEV3",
            "C3, DEGRADATION, 300, SEV3", "C3, DEGRADATION, 301, SEV3" })
    void byStatedTier(String tier, String type, long minutes, String expected) {
        var outcome = evaluate(capability(null, tier, type, minutes));
        assertEquals(expected, outcome.capabilitySeverity());
        assertEquals(expected, outcome.severity());
        assertEquals(expected == null ? "NONE" : "CAPABILITY", outcome.basis());
        assertEquals(tier, outcome.capabilityTier());
    }

    @ParameterizedTest(name = "{0} ({1}) {2} for {3} min -> {4}")
    @CsvSource(nullValues = "none", value = {
            "App deployment,          C2, OUTAGE,      301, SEV2",
            "Webtriggers,             C1, DEGRADATION, 120, SEV1",
            "App logging,             C3, DEGRADATION, 60,  none",
            "Request management,      C3, OUTAGE,      301, SEV2",
            "View home page,          C1, OUTAGE,      119, SEV2" })
    void byCatalogName(String name, String tier, String type, long minutes, String expected) {
        var outcome = evaluate(capability(name, null, type, minutes));
        assertEquals(tier, outcome.capabilityTier());
        assertEquals(expected, outcome.severity());
    }
}
