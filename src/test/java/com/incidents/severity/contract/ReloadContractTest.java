package com.incidents.severity.contract;

import static com.atlassian.oai.validator.model.Request.Method.POST;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.PolicyTypeEdits;
import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * The served document shows the policy in force and follows a reload; a refused reload's answer
 * conforms to it. Each test puts the folder back as it found it and reloads.
 */
@QuarkusTest
@TestProfile(ReloadContractTest.Folder.class)
class ReloadContractTest {

    private static final String ADDED = "SECURITY";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class Folder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", Fixture.copy().toString(),
                    "severity.reload.watch", "false");
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Inject
    PolicyService policies;

    @Test
    void theDocumentFollowsAReloadThatAddsAnIncidentType() throws Exception {
        assertFalse(incidentTypes().contains(ADDED));
        String severity = policies.current().policy().inputTypes().severity().values().get(0);
        try {
            PolicyEdits.edit(rules, PolicyEdits.DMN, dmn -> PolicyTypeEdits.addIncidentType(dmn, ADDED, severity));
            ServedContract before = ServedContract.fetch();
            before.check(POST, "/api/v1/policy/reload", given().post("/api/v1/policy/reload")).then()
                    .statusCode(200).body("changed", equalTo(true));

            ServedContract after = ServedContract.fetch();
            JsonNode schemas = JSON.readTree(after.document()).at("/components/schemas");
            assertTrue(incidentTypes().contains(ADDED), "the output enum lists the added type");
            java.util.List<String> parts = new java.util.ArrayList<>();
            schemas.at("/PolicyFilesUpload/properties").fieldNames().forEachRemaining(parts::add);
            assertEquals(java.util.List.copyOf(policies.current().policy().files().files().keySet()), parts,
                    "the preview's file parts are the files of the policy in force");
            Pattern input = Pattern.compile(schemas.at("/IncidentTypeInput/pattern").asText());
            assertTrue(input.matcher(" security ").matches(), "the input pattern accepts it in any case");
            assertFalse(input.matcher("FLOOD").matches());
            after.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON)
                    .body("{\"capabilityTier\":\"C3\",\"incidentType\":\"security\",\"durationMinutes\":5}")
                    .post("/api/v1/decisions")).then().statusCode(200).body("facts.incidentType", equalTo(ADDED));
        } finally {
            PolicyEdits.restore(rules, PolicyEdits.DMN);
            given().post("/api/v1/policy/reload").then().statusCode(200);
        }
        assertFalse(incidentTypes().contains(ADDED), "and forgets it when the policy no longer has it");
    }

    @ExpectedErrors("a broken policy is refused")

    @Test
    void aRefusedReloadConforms() {
        try {
            PolicyEdits.edit(rules, PolicyEdits.DRL, drl -> drl.replace("modify ($a)", "modifyy ($a)"));
            ServedContract.fetch().check(POST, "/api/v1/policy/reload", given().post("/api/v1/policy/reload")).then()
                    .statusCode(422).contentType("application/problem+json");
        } finally {
            PolicyEdits.restore(rules, PolicyEdits.DRL);
            given().post("/api/v1/policy/reload").then().statusCode(200);
        }
    }

    private static java.util.List<String> incidentTypes() throws Exception {
        JsonNode values = JSON.readTree(ServedContract.fetch().document()).at("/components/schemas/IncidentType/enum");
        java.util.List<String> list = new java.util.ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        assertFalse(list.isEmpty(), "the served document lists the incident types of the policy in force");
        return list;
    }
}
