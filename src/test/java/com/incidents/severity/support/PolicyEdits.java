package com.incidents.severity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Edits to a copy of the fixture policy made in place, as a policy editor saving files would. The
 * escalation edit moves the SEV1 threshold of the Escalation severity table and updates the
 * scenario row that pins it, so the edited policy passes every check and answers
 * {@code {"partnerReports":16}} with SEV1 at threshold 15 (the fixture) and SEV2 above.
 */
public final class PolicyEdits {

    public static final String DMN = "incident-severity.dmn";
    public static final String DRL = "severity/combination.drl";
    public static final String ESCALATION_CSV = "scenarios/escalation.csv";
    public static final String SIXTEEN_REPORTS = "{\"partnerReports\":16}";

    private PolicyEdits() {
    }

    /** SEV1 from more than {@code threshold} partner reports (15 in the fixture). */
    public static void sev1Threshold(Path rules, int threshold) {
        edit(rules, DMN, dmn -> dmn.replaceFirst("<text>\\(5\\.\\.\\d+]</text>", "<text>(5.." + threshold + "]</text>")
                .replaceFirst("<text>&gt;\\d+</text>(</inputEntry>\\s*<outputEntry id=\"_le_528\">)",
                        "<text>&gt;" + threshold + "</text>$1"));
        String sixteen = 16 > threshold ? "SEV1" : "SEV2";
        rewrite(rules, ESCALATION_CSV, csv -> csv.replaceFirst("(?m)^(16 partner reports alone,,,,,,,,16,)SEV\\d",
                "$1" + sixteen));
    }

    /** The fixture's Capability severity table with a C2 outage of more than 5 hours giving SEV1 instead of SEV2. */
    public static String c2LongOutageIsSev1(String dmn) {
        String edited = dmn.replaceFirst("<text>&quot;SEV2&quot;</text>(</outputEntry>\\s*<annotationEntry><text>"
                + "Capability outage table, tier C2, more than 5 hours)", "<text>&quot;SEV1&quot;</text>$1");
        if (edited.equals(dmn)) {
            throw new IllegalStateException("No C2 outage cell for more than 5 hours to edit");
        }
        return edited;
    }

    /** The fixture's capability-tables.csv with the rows of C2 outages over 5 hours expecting SEV1. */
    public static String c2LongOutageScenarios(String csv) {
        String edited = csv.replace("C2,OUTAGE,301,,SEV2", "C2,OUTAGE,301,,SEV1")
                .replace("C2,OUTAGE,1440,,SEV2", "C2,OUTAGE,1440,,SEV1")
                .replace("App deployment,,OUTAGE,400,,SEV2", "App deployment,,OUTAGE,400,,SEV1")
                .replace("App deployment,,OUTAGE,301,,SEV2", "App deployment,,OUTAGE,301,,SEV1");
        if (edited.equals(csv)) {
            throw new IllegalStateException("No C2 outage scenario rows to edit");
        }
        return edited;
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

    /** Puts a file back as it is in the fixture. */
    public static void restore(Path rules, String file) {
        try {
            Files.copy(Fixture.dir().resolve(file), rules.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
