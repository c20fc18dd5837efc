package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.support.Fixture;

/**
 * The round trip through the browser editor: src/test/resources/editor-saved/ holds the files the
 * editor page sent after EditorBrowserTest's edits (the DMN file as the Apache KIE DMN editor's
 * getContent() wrote it, DMN 1.6 markup; the scenario file as its grid wrote it). They load in the
 * service as they are, and every scenario passes, the edited ones included. Refresh them from
 * target/editor-saved/ after a run of EditorBrowserTest when the editor bundle changes.
 */
class EditorRoundTripTest {

    static final Path SAVED = Path.of("src/test/resources/editor-saved");
    static final String DMN16 = "https://www.omg.org/spec/DMN/20240513/MODEL/";

    @Test
    void filesSavedByTheEditorLoadAndTheirScenariosPass() throws Exception {
        String dmn = Files.readString(SAVED.resolve("incident-severity.dmn"));
        assertTrue(dmn.contains("xmlns=\"" + DMN16 + "\""), "written by the editor as DMN 1.6");
        assertTrue(dmn.contains("<text>(5..20]</text>") && dmn.contains("<text>&gt;20</text>"), "with the two edited cells");
        Map<String, byte[]> files = new HashMap<>(Fixture.files().files());
        files.put("incident-severity.dmn", Files.readAllBytes(SAVED.resolve("incident-severity.dmn")));
        files.put("scenarios/escalation.csv", Files.readAllBytes(SAVED.resolve("escalation.csv")));
        PolicyFiles saved = PolicyFiles.of("editor-saved", files);

        new PolicyCompiler().compile(saved); // throws PolicyBuildException naming what it cannot build
        PolicyCheck check = new PolicyLoader(1000).check(saved);
        assertTrue(check.accepted(), () -> "refused: " + check.blocking());
        assertEquals(List.of(), check.scenarios().stream().filter(r -> !r.passed()).map(ScenarioResult::toString).toList());
        assertEquals(Fixture.files().files().keySet().stream().filter(p -> p.startsWith("scenarios/")).count(),
                check.scenarios().stream().map(ScenarioResult::file).distinct().count());
        ScenarioResult moved = check.scenarios().stream().filter(r -> r.description().equals("16 partner reports alone"))
                .findFirst().orElseThrow();
        assertEquals("SEV2", moved.checks().get(0).actual(), "16 reports now fall in the SEV2 band");
    }
}
