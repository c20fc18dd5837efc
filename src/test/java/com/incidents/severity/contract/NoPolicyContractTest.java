package com.incidents.severity.contract;

import static com.atlassian.oai.validator.model.Request.Method.GET;
import static com.atlassian.oai.validator.model.Request.Method.POST;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.service.AuditService;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import com.incidents.severity.support.logs.ExpectedErrors;

/** With no policy in force the service still answers as its document says: 503s, a policy view without a version. */
@ExpectedErrors("the service runs with no policy in force")
@QuarkusTest
@TestProfile(NoPolicyContractTest.BrokenRules.class)
class NoPolicyContractTest {

    public static class BrokenRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var dir = Fixture.copyWithEdit("severity/combination.drl", drl -> drl.replace("modify ($a)", "modifyy ($a)"));
            return Map.of("severity.rules.dir", dir.toString(), "severity.reload.watch", "false");
        }
    }

    @Inject
    AuditService audit;

    /**
     * A decision recorded while a policy was in force (made here by the fixture's engine and written
     * by the real audit trail) cannot be replayed under the policy in force while there is none:
     * replay's documented 503, after the stored policy text was checked.
     */
    @Test
    void replayWhileNoPolicyIsInForceIsTheDocumented503() throws Exception {
        PolicyEngine engine = Fixture.engine();
        DecisionRequest request = RequestParser.parse(new ObjectMapper().readTree("{\"partnerReports\":3}"),
                engine.policy(), Instant.now());
        DecisionService.Evaluated made = DecisionService.evaluate(engine, request);
        audit.recordDecision(made.decision(), made.outcome(), request, engine, new Caller("admin", null), 1).get();
        String replay = "/api/v1/decisions/" + made.decision().decisionId() + "/replay";
        ServedContract.fetch().check(POST, replay, given().post(replay)).then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-unavailable"));
    }

    @Test
    void everyAnswerConformsWhileNoPolicyIsInForce() {
        ServedContract contract = ServedContract.fetch();
        contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON).body("{\"partnerReports\":3}")
                .post("/api/v1/decisions")).then().statusCode(503).body("type", equalTo("/problems/policy-unavailable"));
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON).body("[{\"partnerReports\":3}]")
                .post("/api/v1/decisions/batch")).then().statusCode(503);
        contract.check(GET, "/api/v1/capabilities", given().get("/api/v1/capabilities")).then().statusCode(503);
        contract.check(GET, "/api/v1/policy", given().get("/api/v1/policy")).then().statusCode(200)
                .body("version", nullValue());
        contract.check(GET, "/api/v1/policy/versions", given().get("/api/v1/policy/versions")).then().statusCode(200);
        contract.check(POST, "/api/v1/policy/reload", given().post("/api/v1/policy/reload")).then().statusCode(422);
        contract.check(POST, "/api/v1/policy/preview", given().multiPart("incident-severity.dmn", "x.dmn", "<x/>".getBytes())
                .post("/api/v1/policy/preview")).then().statusCode(503);
        contract.check(GET, "/api/v1/decisions", given().queryParam("severity", "anything").get("/api/v1/decisions"))
                .then().statusCode(200);
    }
}
