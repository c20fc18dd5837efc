package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.policy.validate.ValidateCommand;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.support.PolicyCopy;

/**
 * README's example edit ("The editor's workflow", step 1) is read from README.md and applied to a
 * copy of rules/ by replacing the exact cells, the annotation and the scenario rows README names,
 * and nothing else: the edited policy must pass every check the service and {@code validate} run,
 * and answer README's report count with README's new severity. If README's cells are not in
 * rules/ (README and rules/ have drifted apart), the test fails and says which. If rules/ already
 * holds the edited cells (an editor followed README for real), it checks rules/ as the edited policy.
 */
class ReadmeExampleEditTest {

    /** README's words for the edit, whitespace collapsed; each group is a cell or a value to edit. */
    private static final Pattern README_EDIT = Pattern.compile("in \\*Escalation severity\\*, `([^`]+)` to `([^`]+)` and "
            + "`>(\\d+)` to `>(\\d+)`\\. Update the annotation and the scenario rows that pin the old threshold "
            + "\\(`(scenarios/[\\w.-]+\\.csv)`: (\\d+) reports are now `(SEV\\d)`\\)");
    private static final String DMN = "incident-severity.dmn";
    static final String DMN_FILE = DMN;
    static final Path RULES = Path.of("rules");

    /** The edit as README states it. */
    record Edit(String oldRange, String newRange, String oldAbove, String newAbove, String scenarioFile,
            long reports, String severity) {
    }

    @Test
    void theUneditedRulesPassEveryCheck() {
        Verdict verdict = validate(RULES);
        assertEquals(0, verdict.code, verdict.out);
        assertTrue(verdict.lastLine().startsWith("ACCEPTED: "), verdict.out);
    }

    @Test
    void readmesExampleEditPassesEveryCheckAndChangesTheAnswer() throws Exception {
        Edit edit = readmeEdit();
        Path edited = PolicyCopy.of(RULES);
        boolean applied = apply(edit, edited);
        if (!applied) {
            System.out.println("README's example edit is already in rules/; checking rules/ as the edited policy");
        }

        Verdict verdict = validate(edited);
        assertEquals(0, verdict.code, "README's example edit must pass every check:\n" + verdict.out);
        assertTrue(verdict.lastLine().startsWith("ACCEPTED: "), verdict.out);
        assertTrue(verdict.out.contains("PASS " + edit.scenarioFile + ":"), "the edited scenario file ran:\n" + verdict.out);

        assertEquals(edit.severity, severityFor(edited, edit.reports),
                edit.reports + " partner reports under README's example edit");
        if (applied) {
            assertNotEquals(edit.severity, severityFor(RULES, edit.reports), "the edit changed the answer");
            assertNotEquals(PolicyReader.fromDirectory(RULES).version(), PolicyReader.fromDirectory(edited).version());
        }
    }

    /** Applies README's edit to a copy of rules/; false when the copy already holds it. Fails on drift. */
    static boolean apply(Edit edit, Path rules) throws IOException {
        if (holds(edit, rules)) {
            return false;
        }
        editTable(edit, rules);
        editScenarioRows(rules.resolve(edit.scenarioFile), edit);
        return true;
    }

    /** Whether the policy in {@code rules} holds README's edit (its new cells, not the old ones). */
    static boolean holds(Edit edit, Path rules) throws IOException {
        String dmn = Files.readString(rules.resolve(DMN));
        return count(dmn, cell(edit.oldRange)) == 0 && count(dmn, cell(">" + edit.oldAbove)) == 0
                && count(dmn, cell(edit.newRange)) == 1 && count(dmn, cell(">" + edit.newAbove)) == 1;
    }

    /**
     * Undoes README's edit in a copy of rules/ that holds it (an editor followed README for real), so
     * the workflow can still be shown from before the edit: the old cells and threshold in the
     * annotation, and the scenario rows of README's report count expecting what the engine answers
     * under the policy as it was.
     */
    static void undo(Edit edit, Path rules) throws IOException {
        editTable(new Edit(edit.newRange, edit.oldRange, edit.newAbove, edit.oldAbove, null, 0, null), rules);
        String before = severityFor(rules, edit.reports); // the engine's answer under the table as it was
        editScenarioRows(rules.resolve(edit.scenarioFile),
                new Edit(null, null, null, null, edit.scenarioFile, edit.reports, before));
    }

    /** README's cells and the annotation of the row of the old threshold; fails on drift. */
    private static void editTable(Edit edit, Path rules) throws IOException {
        Path dmnFile = rules.resolve(DMN);
        String dmn = Files.readString(dmnFile);
        String oldRange = cell(edit.oldRange);
        String newRange = cell(edit.newRange);
        String oldAbove = cell(">" + edit.oldAbove);
        String newAbove = cell(">" + edit.newAbove);
        assertEquals(1, count(dmn, oldRange), "README's cell " + edit.oldRange + " appears once in rules/" + DMN);
        assertEquals(1, count(dmn, oldAbove), "README's cell >" + edit.oldAbove + " appears once in rules/" + DMN);
        dmn = dmn.replace(oldRange, newRange).replace(oldAbove, newAbove);

        // The annotation of the row whose cell was >old: it names the old threshold, and now the new one.
        int cellAt = dmn.indexOf(newAbove);
        int start = dmn.lastIndexOf("<rule ", cellAt);
        int end = dmn.indexOf("</rule>", cellAt);
        String rule = dmn.substring(start, end);
        Matcher annotation = Pattern.compile("<annotationEntry><text>([^<]*)</text></annotationEntry>").matcher(rule);
        assertTrue(annotation.find(), "the row of >" + edit.oldAbove + " has an annotation");
        String text = annotation.group(1);
        Pattern oldNumber = Pattern.compile("\\b" + edit.oldAbove + "\\b");
        assertEquals(1, oldNumber.matcher(text).results().count(),
                "the annotation of the >" + edit.oldAbove + " row names the old threshold once: " + text);
        String rewritten = rule.replace(text, oldNumber.matcher(text).replaceAll(edit.newAbove));
        dmn = dmn.substring(0, start) + rewritten + dmn.substring(end);
        Files.writeString(dmnFile, dmn);
    }

    /** Sets the expected severity of every row of README's report count to README's new severity. */
    private static void editScenarioRows(Path csv, Edit edit) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        CSVFormat format = CSVFormat.DEFAULT;
        List<String> header = null;
        int changed = 0;
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                out.add(line);
                continue;
            }
            CSVRecord record = format.parse(new StringReader(line)).getRecords().get(0);
            if (header == null) {
                header = record.toList();
                out.add(line);
                continue;
            }
            List<String> cells = new ArrayList<>(record.toList());
            int reports = header.indexOf("partnerReports");
            int severity = header.indexOf("expectedSeverity");
            if (reports < cells.size() && cells.get(reports).strip().equals(Long.toString(edit.reports))) {
                assertNotEquals(edit.severity, cells.get(severity).strip(),
                        "README says the row of " + edit.reports + " reports changes: " + line);
                cells.set(severity, edit.severity);
                line = format.format(cells.toArray());
                changed++;
            }
            out.add(line);
        }
        assertTrue(changed > 0, "rules/" + edit.scenarioFile + " has a row of " + edit.reports + " reports to update");
        Files.writeString(csv, String.join("\n", out) + "\n");
    }

    static Edit readmeEdit() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        Matcher m = README_EDIT.matcher(readme);
        if (!m.find()) {
            fail("README's example edit (\"The editor's workflow\", step 1) is not worded as this test reads it: "
                    + README_EDIT.pattern());
        }
        return new Edit(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), Long.parseLong(m.group(6)),
                m.group(7));
    }

    private static String severityFor(Path rules, long reports) {
        PolicyFiles files = PolicyReader.fromDirectory(rules);
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(files), 0);
        var body = JsonNodeFactory.instance.objectNode().put("partnerReports", reports);
        String severity = engine.evaluateWithEngine(RequestParser.parse(body, engine.policy(), Instant.now())
                .facts()).severity();
        return severity == null ? "NONE" : severity;
    }

    /** A DMN cell as the file holds it: {@code <text>&gt;15</text>}. */
    private static String cell(String feel) {
        return "<text>" + feel.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</text>";
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    record Verdict(int code, String out) {
        String lastLine() {
            return out.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    /** The editors' validate command: the checks the service runs at load. */
    static Verdict validate(Path rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.validate(rules, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Verdict(code, bytes.toString(StandardCharsets.UTF_8));
    }

}
