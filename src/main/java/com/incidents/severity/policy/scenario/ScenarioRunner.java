package com.incidents.severity.policy.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * columns (empty = absent), the expected severity ({@code NONE} for no severity) and basis, and
 * optionally the expected response class ({@code expectedResponseClass}: MAJOR, MINOR or NONE).
 * Each row goes through the same request checks as the API, then through the engine.
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
                results.add(runRow(engine, name, row));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            results.add(new ScenarioResult(name, 0, "(file)", false, null, null, null, null,
                    "cannot read the file as CSV: " + e.getMessage(), null, null));
        }
        return results;
    }

    private static ScenarioResult runRow(PolicyEngine engine, String file, CSVRecord row) {
        String description = get(row, "description");
        String expectedSeverity = get(row, "expectedSeverity");
        String expectedBasis = get(row, "expectedBasis");
        String expectedClass = get(row, "expectedResponseClass");
        try {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            for (String column : row.getParser().getHeaderNames()) {
                String value = get(row, column);
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
            String severity = outcome.severity() == null ? "NONE" : outcome.severity();
            String responseClass = outcome.targets() == null || outcome.targets().responseClass() == null ? "NONE"
                    : outcome.targets().responseClass();
            boolean passed = severity.equalsIgnoreCase(expectedSeverity == null ? "NONE" : expectedSeverity)
                    && (expectedBasis == null || expectedBasis.equalsIgnoreCase(outcome.basis()))
                    && (expectedClass == null || expectedClass.equalsIgnoreCase(responseClass));
            return new ScenarioResult(file, row.getParser().getCurrentLineNumber(), description, passed,
                    expectedSeverity, expectedBasis, severity, outcome.basis(), null, expectedClass, responseClass);
        } catch (InvalidRequestException e) {
            return failed(file, row, description, "the request is not valid: " + e.problem().errors());
        } catch (NumberFormatException e) {
            return failed(file, row, description, "a number column holds text: " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(file, row, description, "the policy failed: " + e.getMessage());
        }
    }

    private static ScenarioResult failed(String file, CSVRecord row, String description, String error) {
        return new ScenarioResult(file, row.getParser().getCurrentLineNumber(), description, false, null, null, null,
                null, error, null, null);
    }

    private static String get(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
