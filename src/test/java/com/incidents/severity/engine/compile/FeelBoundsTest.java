package com.incidents.severity.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.support.Fixture;

/**
 * The FEEL rule on kie-dmn's own parse: what the shipped policy and ordinary expressions use is
 * accepted, and every construct that iterates, recurses or amplifies a value is refused by name.
 */
class FeelBoundsTest {

    private static final Set<String> NAMES = Set.of("Affected users", "Capability lookup", "Severity", "Partner reports");

    @Test
    void theShippedPolicyAndTheFixtureKeepToTheRule() {
        assertEquals(List.of(), PolicySafety.refusals(PolicyReader.fromDirectory(Path.of("rules"))));
        assertEquals(List.of(), PolicySafety.refusals(Fixture.files()));
    }

    @Test
    void boundedExpressionsAreAccepted() {
        for (String expression : List.of("\"SEV1\"", "null", "60", "Capability lookup.tier", "Affected users * 2 + 1",
                "if Partner reports > 100 then \"SEV2\" else \"SEV3\"", "upper case(Severity) = \"SEV1\"",
                "Severity in (\"SEV1\", \"SEV2\")", "Affected users between 1 and 5", "[1, 2, 3]",
                "substring(string: Severity, start position: 1)", "date(\"2026-01-01\")", "not(Severity = null)",
                "count([1, 2]) > 1", "Severity instance of string")) {
            assertEquals(Optional.empty(), FeelBounds.refusal(expression, false, NAMES), expression);
        }
        for (String tests : List.of("-", "<120", "[120..300]", "\"C1\",\"C2\"", ">5000000", "null", "not(\"C1\")")) {
            assertEquals(Optional.empty(), FeelBounds.refusal(tests, true, NAMES), tests);
        }
    }

    @Test
    void unboundedConstructsAreRefusedByName() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("string(count(for i in 1..300000000 return i))", "'for ... in ... return' loop"),
                Map.entry("some i in 1..100000000 satisfies i < 0", "'some ... in ... satisfies' loop"),
                Map.entry("every i in [1, 2] satisfies i > 0", "'every ... in ... satisfies' loop"),
                Map.entry("for i in 1..1000 return for j in 1..1000 return i * j", "'for ... in ... return' loop"),
                Map.entry("{ f: function(n) if n = 0 then 0 else f(n - 1), r: f(100000) }.r", "context"),
                Map.entry("(function(n) n * 2)(3)", "function definition"),
                Map.entry("string join([\"a\", \"b\"], \"\")", "a call of 'string join'"),
                Map.entry("concatenate([1], [2])", "a call of 'concatenate'"),
                Map.entry("sublist([1, 2, 3], 1, 2)", "a call of 'sublist'"),
                Map.entry("matches(Severity, \"(a+)+$\")", "a call of 'matches'"),
                Map.entry("replace(Severity, \"a\", \"aa\")", "a call of 'replace'"),
                Map.entry("10 ** 100000000", "the operator **"),
                Map.entry("decimal(1, 999999999)", "a call of 'decimal'"),
                Map.entry("[1, 2, 3][item > 1]", "filter"),
                Map.entry("{ a: \"x\", b: a + a }.b", "context"));
        refused.forEach((expression, construct) -> {
            Optional<String> why = FeelBounds.refusal(expression, false, NAMES);
            assertTrue(why.isPresent() && why.get().contains(construct) && why.get().contains("not allowed"),
                    expression + " -> " + why);
        });
    }

    @Test
    void tooManyPartsAndUnreadableTextsAreRefused() {
        String huge = "1" + " + 1".repeat(FeelBounds.MAX_NODES);
        assertTrue(FeelBounds.refusal(huge, false, NAMES).orElse("").contains("more than " + FeelBounds.MAX_NODES));
        assertTrue(FeelBounds.refusal("for i in", false, NAMES).orElse("").contains("cannot be read"));
    }
}
