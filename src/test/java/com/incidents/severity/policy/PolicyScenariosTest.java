package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.scenario.ScenarioRunner;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.support.TestPolicy;

/** The editors' scenarios in rules/scenarios: each row is a test, and a failing one stops a policy loading. */
class PolicyScenariosTest {

    static Stream<ScenarioResult> scenarios() {
        List<ScenarioResult> results = ScenarioRunner.run(TestPolicy.engine(),
                PolicyReader.fromDirectory(Path.of("rules")));
        assertTrue(results.size() > 50, "scenarios cover every table");
        for (String file : List.of("impact-matrix.csv", "capability-tables.csv", "escalation.csv", "combination.csv",
                "response-targets.csv")) {
            assertTrue(results.stream().anyMatch(r -> r.file().equals("scenarios/" + file)), file);
        }
        return results.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(ScenarioResult result) {
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aFailingScenarioKeepsThePolicyFromLoading() {
        PolicyFiles good = PolicyReader.fromDirectory(Path.of("rules"));
        Map<String, byte[]> files = new TreeMap<>(good.files());
        files.put("scenarios/wrong.csv", ("description,capabilityTier,incidentType,durationMinutes,expectedSeverity,expectedBasis\n"
                + "C2 outage for an hour is claimed to be SEV1,C2,OUTAGE,60,SEV1,CAPABILITY\n").getBytes(StandardCharsets.UTF_8));
        PolicyBuildException e = assertThrows(PolicyBuildException.class,
                () -> new PolicyLoader(1000).load(PolicyFiles.of("test", files)));
        assertEquals(1, e.diagnostics().size());
        assertEquals("scenarios/wrong.csv", e.diagnostics().get(0).file());
        assertEquals("line 2", e.diagnostics().get(0).rule());
        assertTrue(e.diagnostics().get(0).message().contains("SEV2"), e.getMessage());
    }

    @Test
    void aWrongResponseClassFailsItsScenario() {
        Map<String, byte[]> files = new TreeMap<>(PolicyReader.fromDirectory(Path.of("rules")).files());
        files.put("scenarios/class.csv", ("description,partnerReports,expectedSeverity,expectedResponseClass\n"
                + "SEV3 claimed to be major,3,SEV3,MAJOR\n").getBytes(StandardCharsets.UTF_8));
        PolicyBuildException e = assertThrows(PolicyBuildException.class,
                () -> new PolicyLoader(1000).load(PolicyFiles.of("test", files)));
        assertTrue(e.getMessage().contains("MINOR"), e.getMessage());
    }

    @Test
    void aScenarioWithAnUnknownCapabilityIsReported() {
        Map<String, byte[]> files = new TreeMap<>(PolicyReader.fromDirectory(Path.of("rules")).files());
        files.put("scenarios/typo.csv", ("description,capability,incidentType,durationMinutes,expectedSeverity\n"
                + "typo,App UX,OUTAGE,60,SEV2\n").getBytes(StandardCharsets.UTF_8));
        PolicyBuildException e = assertThrows(PolicyBuildException.class,
                () -> new PolicyLoader(1000).load(PolicyFiles.of("test", files)));
        assertFalse(e.diagnostics().isEmpty());
        assertTrue(e.getMessage().contains("capability"), e.getMessage());
    }
}
