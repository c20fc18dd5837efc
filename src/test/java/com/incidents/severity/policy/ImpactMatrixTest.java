package com.incidents.severity.policy;

import static com.incidents.severity.support.TestPolicy.evaluate;
import static com.incidents.severity.support.TestPolicy.impact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cell of the impact matrix, and every band boundary, for users and for apps. */
class ImpactMatrixTest {

    @ParameterizedTest(name = "{0} impact, {1} users -> {2}")
    @CsvSource(nullValues = "none", value = {
            // level, users, expected impact severity
            "MAJOR, 0,        none", "MAJOR, 999,      none",
            "MAJOR, 1000,     SEV3", "MAJOR, 50000,    SEV3", "MAJOR, 100000,   SEV3",
            "MAJOR, 100001,   SEV2", "MAJOR, 2000000,  SEV2", "MAJOR, 5000000,  SEV2",
            "MAJOR, 5000001,  SEV1", "MAJOR, 900000000, SEV1",
            "MINOR, 0,        none", "MINOR, 999,      none",
            "MINOR, 1000,     SEV3", "MINOR, 100000,   SEV3",
            "MINOR, 100001,   SEV3", "MINOR, 5000000,  SEV3",
            "MINOR, 5000001,  SEV2", "MINOR, 900000000, SEV2" })
    void byAffectedUsers(String level, long users, String expected) {
        var outcome = evaluate(impact(level, users, null));
        assertEquals(expected, outcome.impactSeverity());
        assertEquals(expected, outcome.severity());
        assertEquals(expected == null ? "NONE" : "IMPACT", outcome.basis());
    }

    @ParameterizedTest(name = "{0} impact, {1} apps -> {2}")
    @CsvSource(nullValues = "none", value = {
            "MAJOR, 0,   none", "MAJOR, 2,   none",
            "MAJOR, 3,   SEV3", "MAJOR, 10,  SEV3",
            "MAJOR, 11,  SEV2", "MAJOR, 100, SEV2",
            "MAJOR, 101, SEV1", "MAJOR, 5000, SEV1",
            "MINOR, 2,   none", "MINOR, 3,   SEV3", "MINOR, 10,  SEV3",
            "MINOR, 11,  SEV3", "MINOR, 100, SEV3",
            "MINOR, 101, SEV2" })
    void byAffectedApps(String level, long apps, String expected) {
        var outcome = evaluate(impact(level, null, apps));
        assertEquals(expected, outcome.impactSeverity());
        assertEquals(expected, outcome.severity());
    }

    @ParameterizedTest(name = "{0} impact, {1} users and {2} apps -> {3}")
    @CsvSource(nullValues = "none", value = {
            // the higher band of the two decides
            "MAJOR, 999,     3,    SEV3",
            "MAJOR, 1000,    2,    SEV3",
            "MAJOR, 500,     11,   SEV2",
            "MAJOR, 100001,  10,   SEV2",
            "MAJOR, 10,      101,  SEV1",
            "MAJOR, 5000001, 0,    SEV1",
            "MINOR, 100001,  101,  SEV2",
            "MINOR, 999,     2,    none",
            "MAJOR, 0,       0,    none" })
    void higherBandOfUsersAndApps(String level, long users, long apps, String expected) {
        assertEquals(expected, evaluate(impact(level, users, apps)).impactSeverity());
    }
}
