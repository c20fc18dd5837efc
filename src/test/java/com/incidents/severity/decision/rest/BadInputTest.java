package com.incidents.severity.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad input gets a 4xx problem body that names the offending fields; never a 5xx. */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative users | {\"impactLevel\":\"MAJOR\",\"affectedUsers\":-1} | affectedUsers",
            "negative apps | {\"impactLevel\":\"MAJOR\",\"affectedApps\":-5} | affectedApps",
            "negative duration | {\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":-1} | durationMinutes",
            "negative reports | {\"partnerReports\":-3} | partnerReports",
            "text for a number | {\"impactLevel\":\"MAJOR\",\"affectedUsers\":\"lots\"} | affectedUsers",
            "numeric string | {\"partnerReports\":\"7\"} | partnerReports",
            "fraction | {\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":1.5} | durationMinutes",
            "number too large | {\"partnerReports\":99999999999999999999999} | partnerReports",
            "unknown capability | {\"capability\":\"App deploy\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5} | capability",
            "unknown tier | {\"capabilityTier\":\"C4\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5} | capabilityTier",
            "unknown type | {\"capabilityTier\":\"C1\",\"incidentType\":\"BROKEN\",\"durationMinutes\":5} | incidentType",
            "unknown level | {\"impactLevel\":\"HUGE\",\"affectedUsers\":5000} | impactLevel",
            "counts without level | {\"affectedUsers\":5000} | impactLevel",
            "tier contradicts capability | {\"capability\":\"App UI\",\"capabilityTier\":\"C3\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5} | capabilityTier",
            "bad instant | {\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"yesterday\"} | startedAt",
            "future start | {\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"2999-01-01T00:00:00Z\"} | startedAt",
            "bad paged instant | {\"partnerReports\":3,\"pagedAt\":12} | pagedAt",
            "paged before start | {\"partnerReports\":3,\"startedAt\":\"2026-01-01T10:00:00Z\",\"pagedAt\":\"2026-01-01T09:59:00Z\"} | pagedAt",
            "duration longer than since start | {\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":600,\"startedAt\":\"%NOW-95%\"} | durationMinutes",
            "unknown field | {\"partnerReports\":3,\"severity\":\"SEV1\"} | severity",
            "capability without type | {\"capability\":\"App UI\",\"durationMinutes\":5} | incidentType",
            "capability without duration | {\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\"} | durationMinutes",
            "type without capability | {\"incidentType\":\"OUTAGE\",\"durationMinutes\":5} | capability",
            "nothing to decide | {} | body",
            "only a level | {\"impactLevel\":\"MAJOR\"} | body",
            "not an object | [1,2] | body" })
    void refusedWithAProblemNamingTheField(String description, String body, String field) {
        given().contentType(ContentType.JSON).body(relative(body)).post("/api/v1/decisions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", not(emptyOrNullString()));
    }

    /** {@code %NOW-95%} in a body is the instant 95 minutes ago. */
    static String relative(String body) {
        return body.replace("%NOW-95%", java.time.Instant.now().minusSeconds(95 * 60).toString());
    }

    /** Field errors, cross-field errors and the facts the policy needs, all in the first answer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad duration and no incident type | {\"capability\":\"App UI\",\"durationMinutes\":-5} | durationMinutes,incidentType",
            "bad count and no level | {\"affectedUsers\":-1} | affectedUsers,impactLevel",
            "bad count, no level, capability facts not judged | {\"affectedUsers\":-1,\"capability\":\"App UI\"} | affectedUsers,impactLevel",
            "unknown field and nothing to decide | {\"severity\":\"SEV1\"} | severity,body",
            "bad tier, no type, no duration | {\"capabilityTier\":\"C9\"} | capabilityTier,incidentType,durationMinutes",
            "paged before start and no type | {\"capabilityTier\":\"C1\",\"startedAt\":\"%NOW-95%\",\"pagedAt\":\"2020-01-01T00:00:00Z\"} | pagedAt,incidentType",
            "too long and bad type | {\"capabilityTier\":\"C1\",\"incidentType\":\"BROKEN\",\"durationMinutes\":600,\"startedAt\":\"%NOW-95%\"} | incidentType,durationMinutes" })
    void fieldAndCrossFieldErrorsComeInOneAnswer(String description, String body, String fields) {
        given().contentType(ContentType.JSON).body(relative(body)).post("/api/v1/decisions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(fields.split(",")));
    }

    @Test
    void theCapabilityFactsMissingAreJudgedOnTheValidFields() {
        given().contentType(ContentType.JSON).body("{\"capability\":\"App UI\",\"durationMinutes\":-5}")
                .post("/api/v1/decisions").then().statusCode(422)
                .body("errors.find { it.field == 'incidentType' }.message", containsString("on its valid fields"));
    }

    @Test
    void aWholeNumberTooLargeIsTooLargeNotFractional() {
        for (String number : java.util.List.of("1e23", "99999999999999999999999", "1e400", "9223372036854775808")) {
            given().contentType(ContentType.JSON).body("{\"partnerReports\":" + number + "}").post("/api/v1/decisions")
                    .then().statusCode(422)
                    .body("errors[0].field", equalTo("partnerReports"))
                    .body("errors[0].message", containsString("too large"))
                    .body("errors[0].message", not(containsString("whole")));
        }
        given().contentType(ContentType.JSON).body("{\"partnerReports\":1.5}").post("/api/v1/decisions").then()
                .statusCode(422).body("errors[0].message", containsString("whole number"));
        given().contentType(ContentType.JSON).body("{\"partnerReports\":-1e23}").post("/api/v1/decisions").then()
                .statusCode(422).body("errors[0].message", containsString("negative"));
        // Whole numbers in any JSON notation are whole numbers.
        given().contentType(ContentType.JSON).body("{\"partnerReports\":3.0}").post("/api/v1/decisions").then()
                .statusCode(200).body("facts.partnerReports", equalTo(3));
    }

    @Test
    void aNameCloseToNoCapabilityGetsNoSuggestions() {
        given().contentType(ContentType.JSON)
                .body("{\"capability\":\"qqqqzzzz\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("capability"))
                .body("errors[0].suggestions", nullValue());
    }

    @Test
    void everyOffendingFieldIsNamedAtOnce() {
        given().contentType(ContentType.JSON)
                .body("{\"impactLevel\":\"BIG\",\"affectedUsers\":-1,\"affectedApps\":\"x\",\"capabilityTier\":\"C9\"}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors.field", hasItems("impactLevel", "affectedUsers", "affectedApps", "capabilityTier"));
    }

    @Test
    void unknownCapabilitySuggestsTheClosestNames() {
        given().contentType(ContentType.JSON)
                .body("{\"capability\":\"webtrigger\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .body("errors[0].rejectedValue", equalTo("webtrigger"))
                .body("errors[0].suggestions", hasItem("Webtriggers"));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"partnerReports\": 3,").post("/api/v1/decisions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", containsString("line 1"));
        given().contentType(ContentType.JSON).body("").post("/api/v1/decisions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        String padding = "x".repeat(70 * 1024);
        given().contentType(ContentType.JSON).body("{\"capability\":\"" + padding + "\"}")
                .post("/api/v1/decisions").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void bodyBeyondTheServerLimitIs413WithAProblemBody() throws Exception {
        // Declare a 5 MiB body and send none of it: the server must answer from the declared length.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/decisions/batch HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!response.toString().contains("}")) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                response.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            org.hamcrest.MatcherAssert.assertThat(response.toString(), startsWith("HTTP/1.1 413"));
            org.hamcrest.MatcherAssert.assertThat(response.toString(), containsString("application/problem+json"));
            org.hamcrest.MatcherAssert.assertThat(response.toString(), containsString("/problems/payload-too-large"));
        }
    }

    @Test
    void oversizedBatchIs413() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(1001, "{\"partnerReports\":3}")) + "]";
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/decisions/batch").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("1001"));
    }

    @Test
    void batchMustBeAnArray() {
        given().contentType(ContentType.JSON).body("{\"partnerReports\":3}").post("/api/v1/decisions/batch").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeAndMethodAreProblemsToo() {
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/decisions").then()
                .statusCode(415).contentType("application/problem+json")
                .header("Accept-Post", equalTo("application/json"))
                .body("detail", containsString("accepts application/json"));
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/decisions").then()
                .statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, POST"))
                .body("detail", containsString("allowed: GET, HEAD, POST"));
    }

    /** A GET on the POST-only batch path is a 405 naming POST, not a lookup of a decision called "batch". */
    @Test
    void getOnThePostOnlyBatchIs405() {
        given().get("/api/v1/decisions/batch").then()
                .statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("POST"));
        given().contentType(ContentType.TEXT).body("x").post("/api/v1/policy/preview").then()
                .statusCode(415).body("detail", allOf(containsString("application/zip"),
                        containsString("multipart/form-data")));
        given().get("/api/v1/decisions/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).body("type", equalTo("/problems/not-found"));
    }
}
