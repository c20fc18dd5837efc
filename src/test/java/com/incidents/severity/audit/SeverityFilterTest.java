package com.incidents.severity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.service.PolicyService;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/v1/decisions?severity= accepts the severities of the policy in force, and NONE. */
@QuarkusTest
class SeverityFilterTest {

    @Inject
    PolicyService policies;

    private List<String> severities() {
        List<String> values = new ArrayList<>(policies.current().policy().inputTypes().severity().values());
        if (!values.contains("NONE")) {
            values.add("NONE");
        }
        return values;
    }

    @Test
    void everySeverityOfThePolicyIsAcceptedInAnyCase() {
        List<String> severities = severities();
        org.junit.jupiter.api.Assertions.assertFalse(severities.size() < 2, "the policy declares severities");
        for (String severity : severities) {
            given().queryParam("severity", severity.toLowerCase()).get("/api/v1/decisions").then().statusCode(200);
        }
    }

    @Test
    void anUnknownSeverityIsRefusedWithThePolicysList() {
        given().queryParam("severity", "not-a-severity").get("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].suggestions", equalTo(severities()));
        given().queryParam("severity", "not-a-severity").queryParam("format", "csv")
                .get("/api/v1/decisions/export").then()
                .statusCode(422)
                .body("errors.field", hasItem("severity"));
    }
}
