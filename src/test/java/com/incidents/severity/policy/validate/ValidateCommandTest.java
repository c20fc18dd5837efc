package com.incidents.severity.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * The editors' validate command: the service's checks on a folder, a readable report, an exit code;
 * on the fixture policy and edited copies of it.
 */
class ValidateCommandTest {

    @Test
    void aGoodPolicyIsAccepted() {
        Run run = run(Fixture.dir().toString());
        assertEquals(0, run.code, run.out);
        assertTrue(run.out.contains("Build: OK"), run.out);
        assertTrue(run.out.contains("DMN validator: 0 errors"), run.out);
        assertTrue(run.out.contains("PASS scenarios/escalation.csv:8 16 partner reports alone: ok"), run.out);
        assertTrue(run.out.lines().anyMatch(l -> l.matches("Scenarios: [1-9]\\d* run, 0 failed")), run.out);
        assertTrue(run.out.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("ACCEPTED: "), run.out);
    }

    @ExpectedErrors("the rules engine reports the overlap it is given")

    @Test
    void anOverlapAndAFailingScenarioAreRefusedAndNamed() {
        Path rules = Fixture.copyWithEdit(PolicyEdits.DMN, dmn -> dmn.replace("<text>(5..15]</text>", "<text>[5..15]</text>"));
        PolicyEdits.edit(rules, PolicyEdits.ESCALATION_CSV, csv -> csv.replace("16 partner reports alone,,,,,,,,16,SEV1",
                "16 partner reports alone,,,,,,,,16,SEV2"));
        Run run = run(rules.toString());
        assertEquals(1, run.code, run.out);
        assertTrue(run.out.contains("ERROR incident-severity.dmn [Escalation severity] (rules 3, 4): Overlap detected"), run.out);
        assertTrue(run.out.contains("FAIL scenarios/escalation.csv:8 16 partner reports alone: expected SEV2"), run.out);
        assertTrue(run.out.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("REFUSED: "), run.out);
    }

    @Test
    void warningsRefuseWhenAskedTo() {
        Run run = run("--block-on-warnings", Fixture.dir().toString());
        assertEquals(1, run.code, run.out);
        assertTrue(run.out.contains("severity.reload.block-on-warnings is true"), run.out);
    }

    @Test
    void aMissingFolderOrNoFolderIsAnError() {
        Run missing = run("no/such/folder");
        assertEquals(1, missing.code);
        assertTrue(missing.out.contains("Rules folder not found"), missing.out);
        Run none = run();
        assertEquals(1, none.code);
        assertTrue(none.out.startsWith("usage: validate"), none.out);
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
