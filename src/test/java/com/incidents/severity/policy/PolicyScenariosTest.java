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

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.policy.scenario.ScenarioResult;
import com.incidents.severity.policy.scenario.ScenarioRunner;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.support.Fixture;

/**
 * The editors' scenarios in rules/scenarios, each row a test: they, and nothing in Java, pin the
 * shipped policy. The scenario mechanism itself (what a row checks, how a failing row stops a
 * policy loading) is tested on the fixture policy.
 */
class PolicyScenariosTest {

    /** One loader (and so one DMN validator, costly to create) for every check here. */
    private static final PolicyLoader LOADER = new PolicyLoader(1000);

    static Stream<ScenarioResult> shippedScenarios() {
        PolicyFiles rules = PolicyReader.fromDirectory(Path.of("rules"));
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(rules), 0);
        List<ScenarioResult> results = ScenarioRunner.run(engine, rules);
        assertFalse(results.isEmpty(), "rules/ has scenarios");
        return results.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void shippedScenarioHolds(ScenarioResult result) {
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aFailingScenarioKeepsThePolicyFromLoading() {
        PolicyBuildException e = refused("wrong.csv",
                "description,capabilityTier,incidentType,durationMinutes,expectedSeverity,expectedBasis\n"
                        + "C2 outage for an hour is claimed to be SEV1,C2,OUTAGE,60,SEV1,CAPABILITY\n");
        assertEquals(1, e.diagnostics().size());
        assertEquals("scenarios/wrong.csv", e.diagnostics().get(0).file());
        assertEquals("line 2", e.diagnostics().get(0).rule());
        assertTrue(e.diagnostics().get(0).message().contains("expects SEV1, basis CAPABILITY but the policy gives SEV2"),
                e.getMessage());
    }

    @Test
    void aWrongResponseClassFailsItsScenario() {
        PolicyBuildException e = refused("class.csv", "description,partnerReports,expectedSeverity,expectedResponseClass\n"
                + "SEV3 claimed to be major,3,SEV3,MAJOR\n");
        assertTrue(e.getMessage().contains("response class MINOR"), e.getMessage());
    }

    @Test
    void wrongResponseTargetMinutesFailTheirScenario() {
        PolicyBuildException e = refused("minutes.csv",
                "description,partnerReports,expectedSeverity,expectedInvestigationMinutes,expectedStatusUpdateMinutes\n"
                        + "SEV2 claimed to be investigated within 30 minutes,6,SEV2,30,60\n"
                        + "SEV3 claimed to have minute targets,3,SEV3,15,60\n");
        assertEquals(2, e.diagnostics().size(), e.getMessage());
        assertTrue(e.diagnostics().get(0).message().contains("investigation within 15"), e.getMessage());
        assertTrue(e.diagnostics().get(1).message().contains("investigation within NONE"), e.getMessage());
    }

    @Test
    void aCatalogRowChecksTheTierAndCatalogButNotTheSeverity() {
        Map<String, byte[]> files = withScenario("tiers.csv",
                "description,capability,incidentType,durationMinutes,expectedTier,expectedCatalog\n"
                        + "right,App UI,OUTAGE,0,C1,DEVELOPER_PLATFORM\n");
        LOADER.load(PolicyFiles.of("test", files));
        PolicyBuildException e = refused("tiers.csv",
                "description,capability,incidentType,durationMinutes,expectedTier,expectedCatalog\n"
                        + "wrong tier,App UI,OUTAGE,0,C2,DEVELOPER_PLATFORM\n"
                        + "wrong catalog,App UI,OUTAGE,0,C1,MARKETPLACE\n");
        assertEquals(2, e.diagnostics().size(), e.getMessage());
        assertTrue(e.diagnostics().get(0).message().contains("expects tier C2, catalog DEVELOPER_PLATFORM but the policy "
                + "gives tier C1, catalog DEVELOPER_PLATFORM"), e.getMessage());
        assertTrue(e.diagnostics().get(1).message().contains("catalog MARKETPLACE"), e.getMessage());
    }

    @Test
    void anEmptyExpectedSeverityMeansNone() {
        LOADER.load(PolicyFiles.of("test", withScenario("none.csv",
                "description,capabilityTier,incidentType,durationMinutes,expectedSeverity\n"
                        + "C3 degradation for half an hour,C3,DEGRADATION,30,\n")));
        PolicyBuildException e = refused("none.csv", "description,partnerReports,expectedSeverity\n"
                + "three reports claimed to give nothing,3,\n");
        assertTrue(e.getMessage().contains("expects NONE but the policy gives SEV3"), e.getMessage());
    }

    @Test
    void aMisspeltExpectedColumnOrARowExpectingNothingIsReported() {
        PolicyBuildException typo = refused("typo.csv", "description,partnerReports,expectedSeverity,expectedTeir\n"
                + "typo,3,SEV3,C1\n");
        assertTrue(typo.getMessage().contains("unknown column expectedTeir"), typo.getMessage());
        PolicyBuildException nothing = refused("nothing.csv", "description,partnerReports\nexpects nothing,3\n");
        assertTrue(nothing.getMessage().contains("the row expects nothing"), nothing.getMessage());
    }

    @Test
    void aScenarioWithAnUnknownCapabilityIsReported() {
        PolicyBuildException e = refused("typo.csv", "description,capability,incidentType,durationMinutes,expectedSeverity\n"
                + "typo,App UX,OUTAGE,60,SEV2\n");
        assertFalse(e.diagnostics().isEmpty());
        assertTrue(e.getMessage().contains("capability"), e.getMessage());
    }

    private static Map<String, byte[]> withScenario(String name, String csv) {
        Map<String, byte[]> files = new TreeMap<>(Fixture.files().files());
        files.put("scenarios/" + name, csv.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static PolicyBuildException refused(String name, String csv) {
        return assertThrows(PolicyBuildException.class,
                () -> LOADER.load(PolicyFiles.of("test", withScenario(name, csv))));
    }
}
