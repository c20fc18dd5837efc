package com.incidents.severity.decision.rest;

import com.atlassian.oai.validator.model.Request;
import com.incidents.severity.contract.ServedContract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.incidents.severity.problem.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import com.incidents.severity.support.logs.ExpectedErrors;

/** A bug while deciding is a 500 with a logged error id, alone or in a batch; only a store outage is a 503. */
@ExpectedErrors("the audit store fails on purpose")
@QuarkusTest
@TestProfile(FailingRecorderTest.WithFailingRecorder.class)
class FailingRecorderTest {

    public static class WithFailingRecorder implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingRecorder.class);
        }
    }

    /**
     * The engine is CPU work: never on the event loop that serves every request. An answer the
     * engine already made for exactly the same facts is served there; anything new goes to a
     * worker thread, and a batch always does.
     */
    @Test
    void theEngineRunsOnWorkerThreadsAndTheEventLoopAnswersOnlyWhatItAlreadyDecided() {
        String body = "{\"impactLevel\":\"MINOR\",\"affectedUsers\":" + (1 + new java.util.Random().nextInt(1_000_000))
                + ",\"partnerReports\":17}";
        FailingRecorder.ON_EVENT_LOOP.clear();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON).body("[" + body + "," + body + "]")
                .post("/api/v1/decisions/batch").then().statusCode(200).body("decided", equalTo(2));
        assertThat(List.copyOf(FailingRecorder.ON_EVENT_LOOP), equalTo(List.of(false, true, false, false)));
    }

    @Test
    void aBugInABatchItemIsA500ItemWithAnErrorIdWhoseStackTraceIsLogged() {
        try (LogCapture logs = LogCapture.open()) {
            Response response = given().contentType(ContentType.JSON)
                    .body("[{\"partnerReports\":1},{\"partnerReports\":13},{\"partnerReports\":14},{\"partnerReports\":15}]")
                    .post("/api/v1/decisions/batch");
            response.then().statusCode(200)
                    .body("results[0].status", equalTo(200))
                    .body("results[0].decision.decisionId", not(emptyOrNullString()))
                    .body("results[1].status", equalTo(500))
                    .body("results[1].problem.type", equalTo("/problems/internal-error"))
                    .body("results[2].status", equalTo(500))
                    .body("results[2].problem.type", equalTo("/problems/internal-error"))
                    .body("results[3].status", equalTo(503))
                    .body("results[3].problem.type", equalTo("/problems/audit-unavailable"))
                    .body("results[3].problem.errorId", equalTo(FailingRecorder.STORE_ERROR_ID));
            assertThat(response.asString(), not(containsString(FailingRecorder.SECRET)));
            assertThat(response.asString(), not(containsString("Exception")));
            for (int item : List.of(1, 2)) {
                String errorId = response.path("results[" + item + "].problem.errorId");
                assertThat(errorId, not(emptyOrNullString()));
                assertThat(response.<String> path("results[" + item + "].problem.detail"), containsString(errorId));
                var logged = logs.errorsContaining(errorId);
                assertThat(logged, hasSize(1));
                assertThat(logged.get(0).getThrown().getMessage(), equalTo(FailingRecorder.SECRET));
            }
        }
    }

    @Test
    void aBugOnTheSingleDecisionPathIsA500ProblemWithAnErrorId() {
        try (LogCapture logs = LogCapture.open()) {
            for (String body : List.of("{\"partnerReports\":13}", "{\"partnerReports\":14}")) {
                Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions");
                response.then().statusCode(500).contentType("application/problem+json")
                        .body("type", equalTo("/problems/internal-error"))
                        .body("errorId", not(emptyOrNullString()));
                assertThat(response.asString(), not(containsString(FailingRecorder.SECRET)));
                assertThat(logs.errorsContaining(response.path("errorId")), hasSize(1));
            }
        }
    }

    @Test
    void bugsAndStoreOutagesAnswerAsTheServedDocumentSays() {
        ServedContract contract = ServedContract.fetch();
        for (String body : List.of("{\"partnerReports\":13}", "{\"partnerReports\":14}", "{\"partnerReports\":15}")) {
            contract.check(Request.Method.POST, "/api/v1/decisions",
                    given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions"));
        }
        contract.check(Request.Method.POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON)
                .body("[{\"partnerReports\":1},{\"partnerReports\":13},{\"partnerReports\":15}]")
                .post("/api/v1/decisions/batch"));
    }

    @Test
    void anUnavailableStoreIsA503ThatSaysWhatHappened() {
        given().contentType(ContentType.JSON).body("{\"partnerReports\":15}").post("/api/v1/decisions").then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/audit-unavailable"))
                .body("errorId", equalTo(FailingRecorder.STORE_ERROR_ID))
                .body("detail", containsString("audit store failed"))
                .body(not(containsString(FailingRecorder.SECRET)));
    }
}
