package com.incidents.severity.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import com.incidents.severity.support.logs.ExpectedErrors;

/** No error is hidden: bugs answer a 500 problem with an error id that leads to a logged stack trace. */
@ExpectedErrors("test-only endpoints throw bugs on purpose")
@QuarkusTest
class ErrorsTest {

    @Test
    void aBugAnswers500WithAnErrorIdAndTheStackTraceIsLoggedUnderIt() {
        try (LogCapture logs = LogCapture.open()) {
            for (String path : List.of("/test-only/bug", "/test-only/bug/checked", "/test-only/bug/unwritable")) {
                Response response = given().get(path);
                response.then().statusCode(500)
                        .contentType("application/problem+json")
                        .body("type", equalTo("/problems/internal-error"))
                        .body("status", equalTo(500))
                        .body("errorId", not(emptyOrNullString()));
                String errorId = response.path("errorId");
                String body = response.asString();
                assertThat(response.<String> path("detail"), containsString(errorId));
                assertThat(body, not(containsString(BugResource.SECRET)));
                assertThat(body, not(containsString("Exception")));
                assertThat(body, not(containsString("java.")));
                List<LogRecord> logged = logs.errorsContaining(errorId);
                assertThat(logged, hasSize(1));
                assertThat(logged.get(0).getThrown(), notNullValue());
                assertThat(logged.get(0).getThrown().getMessage(), containsString(BugResource.SECRET));
            }
        }
    }

    @Test
    void frameworkErrorsKeepTheir4xx() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().accept("text/csv").get("/api/v1/capabilities").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyMultipartPreviewIsA4xxProblem() {
        Response response = given().contentType("multipart/form-data; boundary=xyz").body(new byte[0])
                .post("/api/v1/policy/preview");
        response.then().contentType("application/problem+json")
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        given().contentType("multipart/form-data").body(new byte[0]).post("/api/v1/policy/preview").then()
                .contentType("application/problem+json")
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
    }

    @Test
    void jsonNestedBeyondTheParserLimitIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/batch")) {
            given().contentType(ContentType.JSON).body("{\"partnerReports\":" + deep + "}").post(path).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/malformed-json"))
                    .body("detail", containsStringIgnoringCase("nesting depth"));
        }
    }

    @Test
    void aNumberWithOver1000DigitsIs400() {
        String digits = "1".repeat(1001);
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/batch")) {
            String body = path.endsWith("batch") ? "[{\"partnerReports\":" + digits + "}]"
                    : "{\"partnerReports\":" + digits + "}";
            given().contentType(ContentType.JSON).body(body).post(path).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/malformed-json"))
                    .body("detail", containsStringIgnoringCase("number"));
        }
    }
}
