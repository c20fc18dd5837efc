package com.incidents.severity.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.problem.LogCapture;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A bug in any operation (an unexpected exception, {@link InjectedBug}) is answered as the served
 * document says: a 500 problem of type internal-error whose errorId names the logged stack trace,
 * without the exception's class or message. Every operation of the document is called, so one
 * added to it is covered too, and each must document its 500.
 */
@ExpectedErrors("a bug is injected into every operation on purpose")
@QuarkusTest
@TestProfile(FaultContractTest.WithInjectedBugs.class)
class FaultContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class WithInjectedBugs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("test.inject-bugs", "true");
        }
    }

    @Test
    void everyOperationAnswersABugWithItsDocumented500AndLogsTheCauseUnderTheErrorId() throws Exception {
        ServedContract contract = ServedContract.fetch();
        JsonNode paths = JSON.readTree(contract.document()).get("paths");
        List<DocumentedOperation> operations = DocumentedOperation.all(contract);
        assertFalse(operations.isEmpty(), "the document names operations");
        for (DocumentedOperation operation : operations) {
            assertTrue(paths.path(operation.template()).path(operation.method().name().toLowerCase(Locale.ROOT))
                    .path("responses").has("500"), () -> operation + " documents no 500, yet any operation may meet a bug");
            try (LogCapture logs = LogCapture.open()) {
                Response answer = operation.sendAndCheck(contract, given().header(InjectedBug.HEADER, "yes"));
                answer.then().statusCode(500).contentType("application/problem+json")
                        .body("type", equalTo("/problems/internal-error"));
                String errorId = answer.path("errorId");
                assertThat(operation.toString(), answer.asString(), not(containsString(InjectedBug.SECRET)));
                assertThat(operation.toString(), answer.asString(), not(containsString("IllegalStateException")));
                var logged = logs.errorsContaining(errorId);
                assertThat(operation + " logs its cause under " + errorId, logged, hasSize(1));
                assertEquals(InjectedBug.SECRET, logged.get(0).getThrown().getMessage());
            }
        }
    }

    @Test
    void aBugInARouteBeforeRestEasyIsA500ProblemWhoseErrorIdIsLoggedOnceWithItsCause() {
        for (String header : List.of(InjectedRouteBug.THROWN, InjectedRouteBug.FAILED)) {
            for (boolean signedIn : new boolean[] {true, false}) {
                try (LogCapture logs = LogCapture.open()) {
                    var request = signedIn ? given() : given().auth().none();
                    Response answer = request.header(header, "yes").get("/api/v1/policy");
                    answer.then().statusCode(500).contentType("application/problem+json")
                            .body("type", equalTo("/problems/internal-error"));
                    String errorId = answer.path("errorId");
                    assertThat(header, answer.asString(), not(containsString(InjectedBug.SECRET)));
                    assertThat(header, answer.asString(), containsString(errorId));
                    var logged = logs.errorsContaining(errorId);
                    assertThat(header + " logs its cause under " + errorId, logged, hasSize(1));
                    assertEquals(InjectedBug.SECRET, logged.get(0).getThrown().getMessage());
                }
            }
        }
    }
}
