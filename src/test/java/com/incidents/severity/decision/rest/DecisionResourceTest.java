package com.incidents.severity.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.policy.service.PolicyService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The decision API contract, as other services rely on it. */
@QuarkusTest
class DecisionResourceTest {

    @Inject
    PolicyService policies;

    private static io.restassured.response.ValidatableResponse decide(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then();
    }

    @Test
    void impactDecisionCarriesTheWholeContract() {
        String id = decide("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"partnerReports\":1}")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Decision-Id", notNullValue())
                .body("severity", equalTo("SEV2"))
                .body("basis", equalTo("IMPACT"))
                .body("impactSeverity", equalTo("SEV2"))
                .body("capabilitySeverity", nullValue())
                .body("escalationSeverity", nullValue())
                .body("capabilityTier", nullValue())
                .body("responseTargets.class", equalTo("MAJOR"))
                .body("responseTargets.investigationWithinMinutes", equalTo(15))
                .body("responseTargets.statusUpdateWithinMinutes", equalTo(60))
                .body("nextEscalation", nullValue())
                .body("policyVersion", startsWith("sha256:"))
                .body("explanation", hasItem(containsString("Impact counts take precedence")))
                .body("firedRules.find { it.kind == 'DRL' }.name", equalTo("Impact counts take precedence"))
                .body("firedRules.find { it.decision == 'Impact band' }.ruleIndex", equalTo(3))
                .body("firedRules.find { it.decision == 'Impact band' }.ruleId", notNullValue())
                .body("firedRules.find { it.decision == 'Impact band' }.annotation", containsString("100,001"))
                .body("firedRules.find { it.decision == 'Impact band' }.outputs.'Impact band'", equalTo("MEDIUM"))
                .body("firedRules.find { it.decision == 'Impact severity' }.model", equalTo("Incident severity"))
                .extract().path("decisionId");
        decide("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000}").body("decisionId", not(equalTo(id)));
    }

    /**
     * The same ongoing incident asked twice: the second answer may come from the engine's earlier
     * outcome for the same facts, and its next escalation is still the one the engine alone finds
     * for that request's own duration, from its own startedAt.
     */
    @Test
    void anOngoingIncidentAskedAgainGetsTheNextEscalationTheEngineAloneFinds() {
        Instant started = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + started + "\"}";
        PolicyEngine alone = new PolicyEngine(policies.current().policy(), 0);
        for (int asked = 1; asked <= 2; asked++) {
            io.restassured.response.Response answer = decide(body).statusCode(200).extract().response();
            long minutes = answer.<Integer> path("facts.durationMinutes");
            Facts facts = new Facts(null, null, null, null, "C1", "OUTAGE", minutes, null);
            PolicyEngine.Escalation next = alone.nextByDuration(facts, alone.decide(facts)).orElseThrow();
            answer.then().body("nextEscalation.severity", equalTo(next.severity()))
                    .body("nextEscalation.afterMinutes", equalTo((int) next.atDurationMinutes()))
                    .body("nextEscalation.at", equalTo(started.plusSeconds(next.atDurationMinutes() * 60).toString()));
        }
    }

    /**
     * A capability assessment sent beside counts: the explanation names the capability table's
     * result as set aside, and the rule that chose another basis, as the engine's outcome shows.
     */
    @Test
    void theExplanationSaysWhenACapabilityResultWasSetAside() {
        io.restassured.response.Response both = given().contentType(ContentType.JSON)
                .body("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"capability\":\"Hosted storage\","
                        + "\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}")
                .post("/api/v1/decisions").then().statusCode(200).extract().response();
        String capability = both.path("capabilitySeverity");
        String basis = both.path("basis");
        org.junit.jupiter.api.Assertions.assertNotNull(capability, "the capability table gave a severity");
        org.junit.jupiter.api.Assertions.assertNotEquals("CAPABILITY", basis);
        String chooser = both.path("firedRules.find { it.kind == 'DRL' }.name");
        both.then().body("explanation", hasItem(allOf(startsWith("Set aside: Capability severity gave " + capability),
                containsString("\"" + chooser + "\""))));
        // Counts alone: nothing was set aside.
        decide("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000}").statusCode(200)
                .body("explanation", not(hasItem(startsWith("Set aside"))));
    }

    /** A duration given beside startedAt is used as given, and the explanation says so. */
    @Test
    void aDurationGivenBesideStartedAtIsUsedAndTheExplanationSaysSo() {
        Instant started = Instant.now().minus(95, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        decide("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":45,\"startedAt\":\""
                + started + "\"}")
                .statusCode(200)
                .body("facts.durationMinutes", equalTo(45))
                .body("nextEscalation", nullValue())
                .body("explanation[0]", allOf(containsString("45 minutes, as given in durationMinutes"),
                        containsString(started.toString())));
    }

    @Test
    void ongoingCapabilityIncidentGetsDueInstantsAndNextEscalation() {
        Instant started = Instant.now().minus(90, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant paged = started.plus(5, ChronoUnit.MINUTES);
        decide("{\"capability\":\"  hosted STORAGE \",\"incidentType\":\"outage\",\"startedAt\":\"" + started
                + "\",\"pagedAt\":\"" + paged + "\"}")
                .statusCode(200)
                .body("severity", equalTo("SEV2"))
                .body("basis", equalTo("CAPABILITY"))
                .body("capabilityTier", equalTo("C1"))
                .body("facts.capability", equalTo("Hosted storage"))
                .body("facts.durationMinutes", anyOf(equalTo(90), equalTo(91)))
                .body("responseTargets.investigationDueAt", equalTo(paged.plus(15, ChronoUnit.MINUTES).toString()))
                .body("responseTargets.statusUpdateDueAt", equalTo(started.plus(60, ChronoUnit.MINUTES).toString()))
                .body("nextEscalation.severity", equalTo("SEV1"))
                .body("nextEscalation.at", equalTo(started.plus(120, ChronoUnit.MINUTES).toString()))
                .body("firedRules.find { it.decision == 'Capability lookup' }.outputs.tier", equalTo("C1"));
    }

    @Test
    void anIncidentCanEndWithNoSeverity() {
        decide("{\"capabilityTier\":\"C3\",\"incidentType\":\"DEGRADATION\",\"durationMinutes\":45}")
                .statusCode(200)
                .body("severity", nullValue())
                .body("basis", equalTo("NONE"))
                .body("responseTargets", nullValue())
                .body("firedRules.name", hasItem("No table assigns a severity"));
    }

    @Test
    void escalationRaisesTheSeverityAndSaysSo() {
        decide("{\"capabilityTier\":\"C3\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":30,\"partnerReports\":16}")
                .statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("basis", equalTo("ESCALATION"))
                .body("capabilitySeverity", equalTo("SEV3"))
                .body("escalationSeverity", equalTo("SEV1"))
                .body("firedRules.name", hasItem("Partner reports raise the severity"));
    }

    @Test
    void batchAnswersOrRejectsEachRequestOnItsOwn() {
        given().contentType(ContentType.JSON)
                .body("[{\"partnerReports\":6},{\"partnerReports\":-1},{\"capability\":\"Nope\"},{\"impactLevel\":\"MINOR\",\"affectedApps\":101}]")
                .post("/api/v1/decisions/batch").then()
                .statusCode(200)
                .body("decided", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results[0].status", equalTo(200))
                .body("results[0].decision.severity", equalTo("SEV2"))
                .body("results[1].status", equalTo(422))
                .body("results[1].problem.errors[0].field", equalTo("partnerReports"))
                .body("results[2].problem.errors[0].field", equalTo("capability"))
                .body("results[3].index", equalTo(3))
                .body("results[3].decision.severity", equalTo("SEV2"));
    }

    @Test
    void capabilitiesComeFromTheDmnCatalog() {
        given().get("/api/v1/capabilities").then()
                .statusCode(200)
                .header("X-Policy-Version", startsWith("sha256:"))
                .body("size()", equalTo(49))
                .body("find { it.name == 'App deployment' }.tier", equalTo("C2"))
                .body("find { it.name == 'Search apps' }.catalog", equalTo("MARKETPLACE"));
    }

    @Test
    void openApiHealthAndSwaggerAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/decisions/batch"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'policy' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'policy' }.data.version", startsWith("sha256:"));
    }
}
