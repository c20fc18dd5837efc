package com.incidents.severity.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.incident.service.DueWork;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Incidents followed over time on the fixture policy, with the service's clock moved by hand:
 * escalation by time with no request, by partner reports through PATCH, a missed response target,
 * writers that would overwrite each other, the end of an incident; each step a decision in the
 * chain, and the chain verifies.
 */
@QuarkusTest
class IncidentTest {

    @Inject
    MovableClock clock;

    @Inject
    DueWork due;

    private final String key = "INC-" + UUID.randomUUID().toString().substring(0, 8);
    private Instant t0;

    @BeforeEach
    void stopTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private ValidatableResponse put(String facts, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(facts);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/incidents/" + key).then();
    }

    private ValidatableResponse patch(String patch, String ifMatch) {
        var request = given().contentType("application/merge-patch+json").body(patch);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/incidents/" + key).then();
    }

    private ValidatableResponse get() {
        return given().get("/api/v1/incidents/" + key).then().statusCode(200);
    }

    private static void chainVerifies() {
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    /** A C1 outage open for 90 minutes is SEV2 until it reaches 2 hours, then SEV1: decided when the instant comes. */
    @Test
    void aC1OutageEscalatesToSev1WhenItReachesTwoHoursWithNoRequest() throws Exception {
        Instant started = t0.minus(90, ChronoUnit.MINUTES);
        put("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + started + "\",\"pagedAt\":\""
                + started.plus(5, ChronoUnit.MINUTES) + "\",\"investigationStartedAt\":\""
                + started.plus(10, ChronoUnit.MINUTES) + "\",\"statusUpdateAt\":\"" + started.plus(30, ChronoUnit.MINUTES)
                + "\"}", null)
                .statusCode(201).header("ETag", "\"1\"").header("X-Decision-Id", notNullValue())
                .body("severity", equalTo("SEV2")).body("state", equalTo("OPEN"))
                .body("nextEscalation.severity", equalTo("SEV1"))
                .body("nextEscalation.at", equalTo(started.plus(120, ChronoUnit.MINUTES).toString()))
                .body("targets.state", contains("MET", "MET"));

        clock.set(started.plus(120, ChronoUnit.MINUTES).plusSeconds(2)); // 2 s after the instant
        due.runDue(); // what the scheduler does each second; no request is made to the incident

        get().body("severity", equalTo("SEV1")).body("decisions", equalTo(2)).body("revision", equalTo(1))
                .body("nextEscalation", nullValue());
        var timeline = given().get("/api/v1/incidents/" + key + "/timeline").then().statusCode(200)
                .body("decisions.trigger", contains("FACTS", "TIME"))
                .body("decisions[1].severityBefore", equalTo("SEV2")).body("decisions[1].severity", equalTo("SEV1"))
                .body("decisions[1].dueWork", equalTo("ESCALATION"))
                .body("decisions[1].lateMillis", equalTo(2000))
                .body("decisions[1].changedFacts.size()", equalTo(0))
                .body("decisions[1].events", hasItem("com.incidents.severity.incident.severity.changed"))
                .body("events.type", hasItems("com.incidents.severity.incident.severity.changed",
                        "com.incidents.severity.incident.escalation.changed"))
                .body("events.findAll { it.type.endsWith('severity.changed') }.data.to", contains("SEV2", "SEV1"))
                .body("events[0].specversion", equalTo("1.0")).body("events[0].subject", equalTo(key))
                .extract();
        String timeDecision = timeline.path("decisions[1].decisionId");
        given().get("/api/v1/decisions/" + timeDecision).then().statusCode(200)
                .body("incident.key", equalTo(key)).body("incident.trigger", equalTo("TIME"))
                .body("incident.dueWork", equalTo("ESCALATION")).body("result.severity", equalTo("SEV1"));
        assertEquals(0, due.runDue(), "done once: nothing is due again");
        chainVerifies();
    }

    /** The scheduler itself does the work once its instant has come: the incident changes with no call. */
    @Test
    void theSchedulerDecidesWhatFallsDueByItself() {
        Instant started = t0.minus(119, ChronoUnit.MINUTES);
        put("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + started + "\"}", null)
                .statusCode(201).body("severity", equalTo("SEV2"));
        clock.advance(Duration.ofMinutes(2));
        Instant deadline = Instant.now().plusSeconds(20);
        String severity;
        do {
            severity = get().extract().path("severity");
        } while (!"SEV1".equals(severity) && Instant.now().isBefore(deadline));
        assertEquals("SEV1", severity, "decided again by the scheduler once its instant passed");
        get().body("decisions", equalTo(2));
    }

    /** Partner reports arriving through PATCH escalate it; the ETag guards each writer. */
    @Test
    void partnerReportsArrivingThroughPatchEscalateIt() {
        put("{\"impactLevel\":\"MINOR\",\"affectedUsers\":50,\"partnerReports\":1}", null).statusCode(201)
                .body("severity", equalTo(severityOf("{\"impactLevel\":\"MINOR\",\"affectedUsers\":50,\"partnerReports\":1}")));
        String expected = severityOf("{\"impactLevel\":\"MINOR\",\"affectedUsers\":50,\"partnerReports\":18}");
        patch("{\"partnerReports\":18}", "\"1\"").statusCode(200).header("ETag", "\"2\"")
                .body("severity", equalTo(expected)).body("facts.partnerReports", equalTo(18))
                .body("facts.affectedUsers", equalTo(50));
        // a writer still holding revision 1 is refused, and one with none must say which it had
        patch("{\"partnerReports\":3}", "\"1\"").statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/incident-changed"));
        patch("{\"partnerReports\":3}", null).statusCode(428).contentType("application/problem+json");
        put("{\"impactLevel\":\"MINOR\",\"affectedUsers\":5}", null).statusCode(428);
        get().body("facts.partnerReports", equalTo(18)).body("revision", equalTo(2));
        given().get("/api/v1/incidents/" + key + "/timeline").then()
                .body("decisions.trigger", contains("FACTS", "FACTS"))
                .body("decisions[1].changedFacts", contains("partnerReports"));
        chainVerifies();
    }

    private static String severityOf(String facts) {
        return given().contentType(ContentType.JSON).body(facts).post("/api/v1/decisions").then().statusCode(200)
                .extract().path("severity");
    }

    /** Paged 5 minutes ago with no investigation started: 15 minutes later the target is missed, and recorded. */
    @Test
    void aMissedInvestigationTargetIsRecorded() throws Exception {
        Instant paged = t0.minus(5, ChronoUnit.MINUTES);
        put("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"startedAt\":\"" + paged.minusSeconds(60)
                + "\",\"pagedAt\":\"" + paged + "\"}", null).statusCode(201)
                .body("responseTargets.investigationDueAt", equalTo(paged.plus(15, ChronoUnit.MINUTES).toString()))
                .body("targets.find { it.target == 'investigation' }.state", equalTo("RUNNING"));
        clock.set(paged.plus(15, ChronoUnit.MINUTES).plusSeconds(30));
        due.runDue();
        get().body("targets.find { it.target == 'investigation' }.state", equalTo("MISSED"))
                .body("targets.find { it.target == 'investigation' }.lateSeconds", equalTo(30))
                .body("decisions", equalTo(2));
        given().get("/api/v1/incidents/" + key + "/timeline").then()
                .body("events.findAll { it.type.endsWith('target.missed') }.data.target", contains("investigation"))
                .body("events.findAll { it.type.endsWith('target.missed') }.data.dueAt",
                        contains(paged.plus(15, ChronoUnit.MINUTES).toString()));
        // started late: the clock shows the target missed by when it came
        clock.set(paged.plus(17, ChronoUnit.MINUTES));
        patch("{\"investigationStartedAt\":\"" + paged.plus(16, ChronoUnit.MINUTES) + "\"}", "\"1\"").statusCode(200)
                .body("targets.find { it.target == 'investigation' }.state", equalTo("MISSED"))
                .body("targets.find { it.target == 'investigation' }.lateSeconds", equalTo(60));
        given().get("/api/v1/incidents/" + key + "/timeline").then()
                .body("events.findAll { it.type.endsWith('target.missed') }.size()", equalTo(1));
        chainVerifies();
    }

    /** Resolved: decided a last time on its final duration; its facts no longer change; nothing is due. */
    @Test
    void aResolvedIncidentIsDecidedOnItsFinalDurationAndThenStaysSo() throws Exception {
        Instant started = t0.minus(100, ChronoUnit.MINUTES);
        put("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + started + "\"}", null)
                .statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"resolvedAt\":\"" + started.plus(45, ChronoUnit.MINUTES) + "\"}")
                .post("/api/v1/incidents/" + key + "/resolve").then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("resolvedAt", equalTo(started.plus(45, ChronoUnit.MINUTES).toString()))
                .body("nextEscalation", nullValue());
        patch("{\"partnerReports\":3}", "\"1\"").statusCode(409).body("type", equalTo("/problems/incident-resolved"));
        clock.set(started.plus(3, ChronoUnit.HOURS));
        due.runDue();
        get().body("decisions", equalTo(2)).body("state", equalTo("RESOLVED"));
        given().get("/api/v1/incidents/" + key + "/timeline").then()
                .body("decisions.trigger", contains("FACTS", "RESOLVE"))
                .body("events.type", hasItem("com.incidents.severity.incident.resolved"));
        given().queryParam("state", "RESOLVED").queryParam("limit", 1000).get("/api/v1/incidents").then()
                .statusCode(200).body("incidents.key", hasItem(key));
        chainVerifies();
    }

    /** A responder's override holds, with its reason, through later decisions; the engine's outcome is kept beside it. */
    @Test
    void anOverrideHoldsWithItsReasonUntilLifted() {
        String minor = "{\"impactLevel\":\"MINOR\",\"affectedUsers\":50}";
        String engine = severityOf(minor);
        put(minor, null).statusCode(201).body("severity", equalTo(engine)).body("override", nullValue());
        given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                .body("{\"severity\":\"SEV1\",\"reason\":\"mine\"}").post("/api/v1/incidents/" + key + "/override")
                .then().statusCode(403);
        given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"severity\":\"SEV99\",\"reason\":\" \"}").post("/api/v1/incidents/" + key + "/override")
                .then().statusCode(422).body("errors.field", containsInAnyOrder("severity", "reason"));
        given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"severity\":\"sev1\",\"reason\":\"Our largest partner cannot take payments\"}")
                .post("/api/v1/incidents/" + key + "/override").then().statusCode(200)
                .body("severity", equalTo("SEV1")).body("engineSeverity", equalTo(engine))
                .body("override.severity", equalTo("SEV1")).body("override.by", equalTo("responder"))
                .body("override.reason", equalTo("Our largest partner cannot take payments"))
                .body("revision", equalTo(1)).body("decisions", equalTo(2));
        // a later change of the facts is decided by the engine; the override stays in force beside it
        patch("{\"partnerReports\":1}", "\"1\"").statusCode(200).body("severity", equalTo("SEV1"))
                .body("engineSeverity", equalTo(severityOf("{\"impactLevel\":\"MINOR\",\"affectedUsers\":50,\"partnerReports\":1}")))
                .body("override.severity", equalTo("SEV1"));
        given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"reason\":\"Partner confirmed payments work again\"}")
                .post("/api/v1/incidents/" + key + "/override/lift").then().statusCode(200)
                .body("override", nullValue()).body("severity", equalTo(engine));
        given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"reason\":\"again\"}").post("/api/v1/incidents/" + key + "/override/lift").then()
                .statusCode(409).body("type", equalTo("/problems/no-override"));
        var timeline = given().get("/api/v1/incidents/" + key + "/timeline").then()
                .body("decisions.trigger", contains("FACTS", "OVERRIDE", "FACTS", "OVERRIDE"))
                .body("decisions[1].overrideReason", equalTo("Our largest partner cannot take payments"))
                .body("decisions[1].severityBefore", equalTo(engine)).body("decisions[1].severity", equalTo("SEV1"))
                .body("decisions[1].engineSeverity", equalTo(engine))
                .body("events.type", hasItems("com.incidents.severity.incident.override.set",
                        "com.incidents.severity.incident.override.lifted"))
                .body("events.find { it.type.endsWith('override.set') }.data.reason",
                        equalTo("Our largest partner cannot take payments"))
                .extract();
        String set = timeline.path("decisions[1].decisionId");
        given().get("/api/v1/decisions/" + set).then().statusCode(200).body("caller", equalTo("responder"))
                .body("incident.trigger", equalTo("OVERRIDE")).body("incident.override.severity", equalTo("SEV1"))
                .body("result.severity", equalTo(engine)); // the engine's outcome, recorded beside the override
        chainVerifies();
    }

    /** Bad facts and bad own facts are named all at once; a bad key is named; nothing is stored. */
    @Test
    void badInputNamesEveryFieldAndStoresNothing() {
        put("{\"impactLevel\":\"HUGE\",\"affectedUsers\":-1,\"investigationStartedAt\":\"yesterday\"}", null)
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("impactLevel", "affectedUsers", "investigationStartedAt"));
        given().get("/api/v1/incidents/" + key).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/incidents/bad key!").then().statusCode(422)
                .body("errors.field", contains("key"));
        given().contentType(ContentType.JSON).body("[1]").put("/api/v1/incidents/" + key).then().statusCode(422);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"impactLevel\":\"MINOR\",\"affectedUsers\":5}")
                .put("/api/v1/incidents/" + key).then().statusCode(412);
        given().queryParam("state", "SHUT").queryParam("from", "then").get("/api/v1/incidents").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("state", "from"));
    }

    /** Only decision clients change incidents; auditors read them; others are refused. */
    @Test
    void everyEndpointNeedsItsRole() {
        given().auth().preemptive().basic("auditor", "auditor").contentType(ContentType.JSON)
                .body("{\"impactLevel\":\"MINOR\",\"affectedUsers\":5}").put("/api/v1/incidents/" + key).then()
                .statusCode(403);
        given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                .body("{\"impactLevel\":\"MINOR\",\"affectedUsers\":5}").put("/api/v1/incidents/" + key).then()
                .statusCode(201);
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/incidents/" + key).then().statusCode(200)
                .body("openedBy", equalTo("client"));
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/incidents/" + key).then().statusCode(403);
        given().auth().none().get("/api/v1/incidents/" + key).then().statusCode(401);
    }
}
