package com.incidents.severity.draft.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

import com.incidents.severity.draft.NoScenarioFileException;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.incident.model.OverrideCase;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.preview.service.CandidatePart;

/**
 * An override as a candidate scenario row, so that a responder's disagreement with the policy
 * becomes one of its editors' test cases: the decided facts and the severity the responder set as
 * {@code expectedSeverity}, in the scenario file of the framework that decides such facts (the
 * capability tables, the escalation, the impact matrix, or their combination). Started as a draft,
 * its validation shows the row failing until an editor changes the policy or the row.
 */
@ApplicationScoped
public class ScenarioProposals {

    /** The scenario files' columns, as the shipped files write them. */
    public static final List<String> COLUMNS = List.of("description", "impactLevel", "affectedUsers", "affectedApps",
            "capability", "capabilityTier", "incidentType", "durationMinutes", "partnerReports", "expectedSeverity",
            "expectedBasis");

    private static final Set<String> IMPACT = Set.of("affectedUsers", "affectedApps");
    private static final Set<String> CAPABILITY = Set.of("capability", "capabilityTier", "incidentType", "durationMinutes");

    @Inject
    DraftService drafts;

    @Inject
    PolicyService policies;

    /** The scenario file such a row belongs in. */
    public static String file(OverrideCase c) {
        boolean impact = c.facts().keySet().stream().anyMatch(IMPACT::contains);
        boolean capability = c.facts().keySet().stream().anyMatch(CAPABILITY::contains);
        boolean escalation = c.facts().containsKey("partnerReports");
        int frameworks = (impact ? 1 : 0) + (capability ? 1 : 0) + (escalation ? 1 : 0);
        return frameworks != 1 ? "scenarios/combination.csv"
                : impact ? "scenarios/impact-matrix.csv" : capability ? "scenarios/capability-tables.csv"
                        : "scenarios/escalation.csv";
    }

    /** The row with the standard header, as a CSV file of its own. */
    public static String csv(OverrideCase c) {
        return print(COLUMNS, c, true);
    }

    /** A draft on the version in force with the row added to its scenario file, by {@code editor}. */
    public Draft propose(OverrideCase c, String editor) throws SQLException {
        PolicyFiles inForce = policies.inForceFiles();
        String file = file(c);
        if (!inForce.files().containsKey(file)) {
            throw new NoScenarioFileException(file);
        }
        String text = inForce.text(file);
        String body = (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + print(header(text), c, false);
        String comment = "Scenario from incident " + c.key() + ": " + c.by() + " set " + c.severity()
                + " where the policy gives " + (c.engineSeverity() == null ? "none" : c.engineSeverity()) + " (" + reason(c) + ")";
        return drafts.create(editor, comment, List.of(new CandidatePart(file, file, body.getBytes(StandardCharsets.UTF_8))), null);
    }

    /** The file's own header (its first line that is not a comment), so the row fits its columns. */
    private static List<String> header(String text) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            var first = parser.iterator();
            return first.hasNext() ? first.next().toList().stream().map(String::strip).toList() : COLUMNS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String print(List<String> columns, OverrideCase c, boolean withHeader) {
        List<String> row = new ArrayList<>(columns.size());
        for (String column : columns) {
            row.add(switch (column) {
                case "description" -> "Incident " + c.key() + " set to " + c.severity() + " by " + c.by() + ": " + reason(c);
                case "expectedSeverity" -> c.severity();
                default -> c.facts().getOrDefault(column, "");
            });
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            if (withHeader) {
                printer.printRecord(columns);
            }
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The reason on one line: a scenario row is one line of its file. */
    private static String reason(OverrideCase c) {
        return c.reason().replaceAll("\\s+", " ").strip();
    }
}
