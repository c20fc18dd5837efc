package com.incidents.severity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Edits to a copy of rules/ made in place, as a policy editor saving files would. The escalation
 * edit moves the SEV1 threshold of the Escalation severity table and updates the two scenario rows
 * that pin it, so the edited policy passes every check and answers {@code {"partnerReports":16}}
 * with SEV1 at threshold 15 (the shipped policy) and SEV2 above.
 */
public final class PolicyEdits {

    public static final String DMN = "incident-severity.dmn";
    public static final String DRL = "severity/combination.drl";
    public static final String ESCALATION_CSV = "scenarios/escalation.csv";
    public static final String SIXTEEN_REPORTS = "{\"partnerReports\":16}";

    private PolicyEdits() {
    }

    /** SEV1 from more than {@code threshold} partner reports (15 in the shipped policy). */
    public static void sev1Threshold(Path rules, int threshold) {
        edit(rules, DMN, dmn -> dmn.replaceFirst("<text>\\(5\\.\\.\\d+]</text>", "<text>(5.." + threshold + "]</text>")
                .replaceFirst("<text>&gt;\\d+</text>(</inputEntry>\\s*<outputEntry id=\"_le_528\">)",
                        "<text>&gt;" + threshold + "</text>$1"));
        String sixteen = 16 > threshold ? "SEV1" : "SEV2";
        rewrite(rules, ESCALATION_CSV, csv -> csv.replaceFirst("(?m)^(16 partner reports alone,,,,,,,,16,)SEV\\d",
                "$1" + sixteen));
        rewrite(rules, "scenarios/combination.csv", csv -> csv.replaceFirst(
                "(?m)^(sixteen reports escalate a minor incident below the bands to SEV1,MINOR,10,,,,,,16,)SEV\\d",
                "$1" + sixteen));
    }

    /** Changes a file, and fails if the change finds nothing to change. */
    public static void edit(Path rules, String file, UnaryOperator<String> change) {
        if (!rewrite(rules, file, change)) {
            throw new IllegalStateException("The edit changed nothing in " + file);
        }
    }

    private static boolean rewrite(Path rules, String file, UnaryOperator<String> change) {
        try {
            Path path = rules.resolve(file);
            String before = Files.readString(path);
            String after = change.apply(before);
            if (!after.equals(before)) {
                Files.writeString(path, after);
            }
            return !after.equals(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a file back as it is in rules/. */
    public static void restore(Path rules, String file) {
        try {
            Files.copy(Path.of("rules").resolve(file), rules.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
