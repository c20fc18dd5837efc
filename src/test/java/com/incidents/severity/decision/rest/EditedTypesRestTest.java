package com.incidents.severity.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.PolicyTypeEdits;
import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A policy whose editor added an incident type (with its row), constrained Duration minutes to
 * [0..10080] and added a severity to the response targets: the API follows, with no Java change.
 */
@QuarkusTest
@TestProfile(EditedTypesRestTest.EditedTypes.class)
class EditedTypesRestTest {

    static final String ADDED_SEVERITY = "SEV4";

    public static class EditedTypes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Fixture.copyWithEdit(PolicyEdits.DMN, dmn -> PolicyTypeEdits.constrainDuration(
                    PolicyTypeEdits.addIncidentType(dmn, "SECURITY", "SEV1"), "[0..10080]"));
            PolicyEdits.edit(dir, "response-targets.dmn", dmn -> dmn
                    .replace("&quot;SEV3&quot;,&quot;NONE&quot;</text></allowedValues>",
                            "&quot;SEV3&quot;,&quot;" + ADDED_SEVERITY + "&quot;,&quot;NONE&quot;</text></allowedValues>")
                    .replace("      <rule id=\"_r_592\">", "      <rule id=\"_r_added\">"
                            + "<inputEntry id=\"_ue_added\"><text>&quot;" + ADDED_SEVERITY + "&quot;</text></inputEntry>"
                            + "<outputEntry id=\"_le_added_1\"><text>&quot;MINOR&quot;</text></outputEntry>"
                            + "<outputEntry id=\"_le_added_2\"><text>null</text></outputEntry>"
                            + "<outputEntry id=\"_le_added_3\"><text>null</text></outputEntry>"
                            + "<outputEntry id=\"_le_added_4\"><text>&quot;Handled in business hours.&quot;</text></outputEntry>"
                            + "<annotationEntry><text>Added severity.</text></annotationEntry></rule>\n"
                            + "      <rule id=\"_r_592\">"));
            return Map.of("severity.rules.dir", dir.toString());
        }
    }

    @Test
    void theAddedIncidentTypeIsAcceptedAndDecidedByItsRow() {
        given().contentType(ContentType.JSON)
                .body("{\"capabilityTier\":\"C3\",\"incidentType\":\"Security\",\"durationMinutes\":5}")
                .post("/api/v1/decisions").then()
                .statusCode(200)
                .body("facts.incidentType", equalTo("SECURITY"))
                .body("firedRules.annotation", hasItem(PolicyTypeEdits.ADDED_ROW));
    }

    @Test
    void anUnknownIncidentTypeIsRefusedWithThePolicysList() {
        given().contentType(ContentType.JSON)
                .body("{\"capabilityTier\":\"C3\",\"incidentType\":\"FLOOD\",\"durationMinutes\":5}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors.find { it.field == 'incidentType' }.suggestions", hasItem("SECURITY"))
                .body("errors.find { it.field == 'incidentType' }.message", containsString("SECURITY"));
    }

    @Test
    void aDurationOutsideTheConstraintIsRefusedNamingFieldAndConstraint() {
        given().contentType(ContentType.JSON)
                .body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":20000}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors.field", contains("durationMinutes"))
                .body("errors[0].message", containsString("[0..10080]"))
                .body("errors[0].rejectedValue", equalTo(20000));
        given().contentType(ContentType.JSON)
                .body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10080}")
                .post("/api/v1/decisions").then()
                .statusCode(200);
    }

    @Test
    void theSeverityFilterAcceptsTheAddedSeverityAndListsIt() {
        given().queryParam("severity", ADDED_SEVERITY.toLowerCase()).get("/api/v1/decisions").then()
                .statusCode(200);
        given().queryParam("severity", "SEV9").get("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].suggestions", hasItems(ADDED_SEVERITY, "NONE"));
    }
}
