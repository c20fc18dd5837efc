package com.incidents.severity.policy.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.request.CapabilityFacts;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Runs the policy scenarios in {@code scenarios/*.csv}: one case a row, with the request fields as
 * columns (empty = absent) and the expected answer in {@code expected...} columns. Each row goes
 * through the same request checks as the API, then through the engine. Expected columns, each
 * checked only where the file has it ({@code expectedSeverity}: where the row fills it or not,
 * empty meaning no severity; the others: where the row fills it), {@code NONE} for none:
 * <ul>
 * <li>{@code expectedSeverity}: SEV1, SEV2, SEV3 or NONE</li>
 * <li>{@code expectedBasis}: IMPACT, CAPABILITY, ESCALATION or NONE</li>
 * <li>{@code expectedResponseClass}: MAJOR, MINOR or NONE</li>
 * <li>{@code expectedInvestigationMinutes}, {@code expectedStatusUpdateMinutes}: the response targets' minutes</li>
 * <li>{@code expectedTier}, {@code expectedCatalog}: the tier and catalog the capability lookup gives</li>
 * </ul>
 * A row that expects nothing, and a column named {@code expected...} that is none of these, are errors.
 */
public final class ScenarioRunner {

    private static final Set<String> NUMBERS = Set.of("affectedUsers", "affectedApps", "durationMinutes",
            "partnerReports");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private ScenarioRunner() {
    }

    public static List<ScenarioResult> run(PolicyEngine engine, PolicyFiles files) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            if (file.getKey().startsWith("scenarios/") && file.getKey().endsWith(".csv")) {
                results.addAll(runFile(engine, file.getKey(), files.text(file.getKey())));
            }
        }
        return results;
    }

    static List<ScenarioResult> runFile(PolicyEngine engine, String name, String text) {
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (CSVRecord row : FORMAT.parse(new StringReader(text))) {
                if (Thread.currentThread().isInterrupted()) { // the check's time limit passed: stop, do not finish
                    throw new java.util.concurrent.CancellationException("The scenarios were given up at " + name);
                }
                results.add(runRow(engine, name, row));
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            results.add(ScenarioResult.failed(name, 0, "(file)", "cannot read the file as CSV: " + e.getMessage()));
        }
        return results;
    }

    /** The expected columns besides expectedSeverity, and what each reads from the outcome. */
    private static final Map<String, Function<Outcome, Object>> OTHER_COLUMNS = columns();

    private static Map<String, Function<Outcome, Object>> columns() {
        Map<String, Function<Outcome, Object>> columns = new LinkedHashMap<>();
        columns.put("Basis", Outcome::basis);
        columns.put("ResponseClass", o -> o.targets() == null ? null : o.targets().responseClass());
        columns.put("InvestigationMinutes", o -> o.targets() == null ? null : o.targets().investigationWithinMinutes());
        columns.put("StatusUpdateMinutes", o -> o.targets() == null ? null : o.targets().statusUpdateWithinMinutes());
        columns.put("Tier", Outcome::capabilityTier);
        columns.put("Catalog", Outcome::capabilityCatalog);
        return java.util.Collections.unmodifiableMap(columns);
    }

    private static ScenarioResult runRow(PolicyEngine engine, String file, CSVRecord row) {
        String description = get(row, "description");
        long line = row.getParser().getCurrentLineNumber();
        try {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            for (String column : row.getParser().getHeaderNames()) {
                String value = get(row, column);
                if (column.startsWith("expected") && !column.equals("expectedSeverity")
                        && !OTHER_COLUMNS.containsKey(column.substring("expected".length()))) {
                    return ScenarioResult.failed(file, line, description, "unknown column " + column
                            + "; expected columns are expectedSeverity and expected" + String.join(", expected",
                                    OTHER_COLUMNS.keySet()));
                }
                if (value == null || column.equals("description") || column.startsWith("expected")) {
                    continue;
                }
                if (NUMBERS.contains(column)) {
                    body.put(column, Long.parseLong(value));
                } else {
                    body.put(column, value);
                }
            }
            DecisionRequest request = RequestParser.parse(body, engine.policy(), Instant.now());
            Outcome outcome = engine.decide(request.facts());
            CapabilityFacts.require(request, outcome);
            List<ScenarioResult.Check> checks = new ArrayList<>();
            if (row.isMapped("expectedSeverity")) {
                String expected = get(row, "expectedSeverity");
                checks.add(new ScenarioResult.Check("Severity", expected == null ? "NONE" : expected,
                        outcome.severity()));
            }
            OTHER_COLUMNS.forEach((column, read) -> {
                String expected = get(row, "expected" + column);
                if (expected != null) {
                    Object actual = read.apply(outcome);
                    checks.add(new ScenarioResult.Check(column, expected, actual == null ? null : actual.toString()));
                }
            });
            if (checks.isEmpty()) {
                return ScenarioResult.failed(file, line, description,
                        "the row expects nothing: fill expectedSeverity or another expected column");
            }
            return new ScenarioResult(file, line, description, checks.stream().allMatch(ScenarioResult.Check::holds),
                    null, List.copyOf(checks));
        } catch (InvalidRequestException e) {
            return ScenarioResult.failed(file, line, description, "the request is not valid: " + e.problem().errors());
        } catch (NumberFormatException e) {
            return ScenarioResult.failed(file, line, description, "a number column holds text: " + e.getMessage());
        } catch (RuntimeException e) {
            return ScenarioResult.failed(file, line, description, "the policy failed: " + e.getMessage());
        }
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
