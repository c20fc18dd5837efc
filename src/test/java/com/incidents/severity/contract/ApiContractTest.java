package com.incidents.severity.contract;

import static com.atlassian.oai.validator.model.Request.Method.GET;
import static com.atlassian.oai.validator.model.Request.Method.POST;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.support.Fixture;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every endpoint, driven with real requests for its success and for each error the document
 * declares that a client can cause, and each answer validated against the document the service
 * serves. The request examples of the document are sent as written.
 */
@QuarkusTest
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedContract contract;

    @Inject
    PolicyService policies;

    @Inject
    com.incidents.severity.decision.DecisionLimits decisionLimits;

    @Inject
    com.incidents.severity.audit.AuditConfig auditConfig;

    @BeforeEach
    void fetchTheServedDocument() {
        contract = ServedContract.fetch();
    }

    // --- POST /api/v1/decisions

    @Test
    void everyRequestExampleOfTheDocumentGetsTheAnswerItNames() throws Exception {
        JsonNode examples = document().at("/paths/~1api~1v1~1decisions/post/requestBody/content/application~1json/examples");
        assertTrue(examples.size() >= 5, "the document shows an example of each request kind");
        for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext();) {
            var example = it.next();
            Response answer = contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON)
                    .header("X-Client-Id", "contract").body(example.getValue().get("value").toString())
                    .post("/api/v1/decisions"));
            assertEquals(example.getKey().equals("invalid") ? 422 : 200, answer.statusCode(), example.getKey());
        }
    }

    @Test
    void decisionsOfEveryKindConform() {
        List<String> bodies = List.of("{\"impactLevel\":\"major\",\"affectedUsers\":250000,\"affectedApps\":null}",
                "{\"impactLevel\":\"MINOR\",\"affectedApps\":2}",
                "{\"capabilityTier\":\" c1 \",\"incidentType\":\"outage\",\"startedAt\":\"" + minutesAgo(30)
                        + "\",\"pagedAt\":\"" + minutesAgo(25) + "\"}",
                "{\"capabilityTier\":\"C2\",\"incidentType\":\"DEGRADATION\",\"durationMinutes\":400,\"partnerReports\":20}",
                "{\"capability\":\"hosted storage\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10}");
        for (String body : bodies) {
            contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/decisions")).then().statusCode(200).header("X-Decision-Id", not(emptyOrNullString()));
            // and the document lets through what the service accepts (letter case, blanks, nulls)
            assertEquals(List.of(), contract.requestProblemsOf(POST, "/api/v1/decisions", "application/json", body), body);
        }
        // a label of any length is taken (its first 200 characters kept), by the service and the document
        String label = "x".repeat(300);
        contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON).header("X-Client-Id", label)
                .body("{\"partnerReports\":1}").post("/api/v1/decisions")).then().statusCode(200);
        assertEquals(List.of(), contract.requestProblemsOf(POST, "/api/v1/decisions", "application/json",
                "{\"partnerReports\":1}", Map.of("X-Client-Id", label)));
    }

    @Test
    void refusedDecisionsConform() {
        Map<String, Integer> bodies = Map.of(
                "{\"partnerReports\": 3,", 400,
                "{\"impactLevel\":\"HUGE\",\"affectedUsers\":-1,\"capability\":\"webtrigger\",\"extra\":1}", 422,
                "{\"affectedUsers\":5000}", 422,
                "{}", 422,
                "[1,2]", 422,
                "{\"partnerReports\":3,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}", 413);
        bodies.forEach((body, status) -> contract.check(POST, "/api/v1/decisions",
                given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions")).then().statusCode(status));
        // The document refuses what the service refuses as a request: an unknown field, nothing at all,
        // counts without impactLevel, not an object
        for (String refused : List.of("{\"partnerReports\":3,\"extra\":1}", "{}", "{\"affectedUsers\":5000}",
                "{\"affectedApps\":2,\"impactLevel\":null}", "[1,2]", "{\"partnerReports\":-1}", "{\"partnerReports\":\"3\"}")) {
            given().contentType(ContentType.JSON).body(refused).post("/api/v1/decisions").then().statusCode(422);
            assertFalse(contract.requestProblemsOf(POST, "/api/v1/decisions", "application/json", refused).isEmpty(),
                    refused + " is refused by the service and must be by the document");
        }
        contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON).body(new byte[0])
                .post("/api/v1/decisions")).then().statusCode(400);
        contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.TEXT).body("partnerReports=3")
                .post("/api/v1/decisions")).then().statusCode(415);
        contract.check(POST, "/api/v1/decisions", given().contentType(ContentType.JSON).accept("text/csv")
                .body("{\"partnerReports\":3}").post("/api/v1/decisions")).then().statusCode(406);
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/batch")) {
            String duplicate = "{\"partnerReports\":3,\"partnerReports\":4}";
            contract.check(POST, path, given().contentType(ContentType.JSON)
                    .body(path.endsWith("batch") ? "[" + duplicate + "]" : duplicate).post(path)).then()
                    .statusCode(400).body("type", equalTo("/problems/malformed-json"))
                    .body("errors.field", hasItem("partnerReports"));
            contract.check(POST, path, given().contentType(ContentType.JSON)
                    .body("[".repeat(1001) + "]".repeat(1001)).post(path)).then()
                    .statusCode(400).body("type", equalTo("/problems/malformed-json"));
        }
    }

    // --- POST /api/v1/decisions/batch

    @Test
    void batchesConform() {
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON)
                .body("[{\"partnerReports\":7},{\"partnerReports\":-1},{\"capabilityTier\":\"C3\",\"incidentType\":\"DEGRADATION\",\"durationMinutes\":45},{\"nope\":true}]")
                .post("/api/v1/decisions/batch")).then().statusCode(200).body("rejected", equalTo(2));
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON).body("{\"partnerReports\":7}")
                .post("/api/v1/decisions/batch")).then().statusCode(422);
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON).body("[{")
                .post("/api/v1/decisions/batch")).then().statusCode(400);
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON)
                .body("[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]")
                .post("/api/v1/decisions/batch")).then().statusCode(413);
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.XML).body("<a/>")
                .post("/api/v1/decisions/batch")).then().statusCode(415);
        contract.check(POST, "/api/v1/decisions/batch", given().contentType(ContentType.JSON).accept("text/csv")
                .body("[{\"partnerReports\":7}]").post("/api/v1/decisions/batch")).then().statusCode(406);
    }

    // --- The audit trail

    @Test
    void listingsConformAndPageToTheEnd() {
        String caller = "contract-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("X-Client-Id", caller).body("{\"partnerReports\":" + i + "}")
                    .post("/api/v1/decisions").then().statusCode(200);
        }
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("clientLabel", caller).queryParam("limit", "2");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = contract.check(GET, "/api/v1/decisions", request.get("/api/v1/decisions"));
            page.then().statusCode(200);
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 5);
        assertEquals(2, pages, "two pages of two and one, the last without nextCursor");
        contract.check(GET, "/api/v1/decisions", given().queryParam("severity", "none").queryParam("basis", "escalation")
                .queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2999-01-01T00:00:00+01:00")
                .get("/api/v1/decisions")).then().statusCode(200);
    }

    @Test
    void refusedListingsConformAndNameTheParameter() {
        Map<String, String> bad = Map.of("limit", "abc", "severity", "SEV99", "basis", "LUCK", "from", "yesterday",
                "cursor", "x");
        bad.forEach((parameter, value) -> contract.check(GET, "/api/v1/decisions",
                given().queryParam(parameter, value).get("/api/v1/decisions")).then()
                .statusCode(422).body("errors.field", hasItem(parameter)));
        contract.check(GET, "/api/v1/decisions", given().queryParam("limit", "0").get("/api/v1/decisions")).then()
                .statusCode(422).body("errors.field", hasItem("limit"));
    }

    @Test
    void aRecordItsReplayAndTheirAbsenceConform() {
        for (String body : List.of("{\"partnerReports\":7}", "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":5000}",
                "{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + minutesAgo(200)
                        + "\",\"pagedAt\":\"" + minutesAgo(190) + "\"}",
                "{\"capabilityTier\":\"C3\",\"incidentType\":\"DEGRADATION\",\"durationMinutes\":45}")) {
            String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200)
                    .extract().path("decisionId");
            contract.check(GET, "/api/v1/decisions/" + id, given().get("/api/v1/decisions/" + id)).then().statusCode(200);
            contract.check(POST, "/api/v1/decisions/" + id + "/replay", given().post("/api/v1/decisions/" + id + "/replay"))
                    .then().statusCode(200);
        }
        String missing = UUID.randomUUID().toString();
        contract.check(GET, "/api/v1/decisions/" + missing, given().get("/api/v1/decisions/" + missing)).then().statusCode(404);
        contract.check(POST, "/api/v1/decisions/" + missing + "/replay",
                given().post("/api/v1/decisions/" + missing + "/replay")).then().statusCode(404);
    }

    /** An incident's life, each answer (and each refusal a client can cause) validated against the document. */
    @Test
    void incidentsConform() {
        String key = "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/incidents/" + key;
        String facts = "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\"" + minutesAgo(30)
                + "\",\"pagedAt\":\"" + minutesAgo(25) + "\",\"investigationStartedAt\":\"" + minutesAgo(20) + "\"}";
        assertEquals(List.of(), contract.requestProblemsOf(com.atlassian.oai.validator.model.Request.Method.PUT, path,
                "application/json", facts));
        contract.check(com.atlassian.oai.validator.model.Request.Method.PUT, path,
                given().contentType(ContentType.JSON).body(facts).put(path)).then().statusCode(201);
        contract.check(com.atlassian.oai.validator.model.Request.Method.PUT, path,
                given().contentType(ContentType.JSON).body(facts).put(path)).then().statusCode(428);
        contract.check(com.atlassian.oai.validator.model.Request.Method.PATCH, path,
                given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                        .body("{\"partnerReports\":9}").patch(path)).then().statusCode(200);
        contract.check(com.atlassian.oai.validator.model.Request.Method.PATCH, path,
                given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                        .body("{\"partnerReports\":10}").patch(path)).then().statusCode(412);
        contract.check(com.atlassian.oai.validator.model.Request.Method.PATCH, path,
                given().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                        .body("{\"partnerReports\":-1}").patch(path)).then().statusCode(422);
        contract.check(GET, path, given().get(path)).then().statusCode(200).header("ETag", "\"2\"");
        contract.check(GET, path + "/timeline", given().get(path + "/timeline")).then().statusCode(200);
        contract.check(GET, "/api/v1/incidents", given().queryParam("state", "OPEN").get("/api/v1/incidents")).then()
                .statusCode(200);
        contract.check(GET, "/api/v1/incidents", given().queryParam("limit", "0").get("/api/v1/incidents")).then()
                .statusCode(422);
        contract.check(POST, path + "/resolve", given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{}").post(path + "/resolve")).then().statusCode(200).body("state", equalTo("RESOLVED"));
        contract.check(POST, path + "/resolve", given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{}").post(path + "/resolve")).then().statusCode(409);
        String decision = given().get(path).then().extract().path("latestDecisionId");
        contract.check(GET, "/api/v1/decisions/" + decision, given().get("/api/v1/decisions/" + decision)).then()
                .statusCode(200).body("incident.trigger", equalTo("RESOLVE"));
        contract.check(GET, "/api/v1/incidents/NO-SUCH", given().get("/api/v1/incidents/NO-SUCH")).then().statusCode(404);
    }

    @Inject
    com.incidents.severity.webhook.service.WebhookDeliveries webhookDeliveries;

    /** Subscriptions and their deliveries (delivered, and failed with no answer), each answer validated against the document. */
    @Test
    void subscriptionsConform() throws Exception {
        try (var receiver = new com.incidents.severity.webhook.Receiver()) {
            String body = "{\"url\":\"" + receiver.url("/contract") + "\",\"events\":[\"com.incidents.severity.incident.severity.changed\"],"
                    + "\"secret\":\"contract-secret-0123456789\"}";
            assertEquals(List.of(), contract.requestProblemsOf(POST, "/api/v1/subscriptions", "application/json", body));
            String id = contract.check(POST, "/api/v1/subscriptions", given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/subscriptions")).then().statusCode(201).header("Location", endsWith("/api/v1/subscriptions/"
                            + given().get("/api/v1/subscriptions").then().extract().path("subscriptions[0].id"))).extract().path("id");
            String refused = "{\"url\":\"http://127.0.0.1:1/\",\"events\":[\"com.incidents.severity.incident.severity.changed\"],"
                    + "\"secret\":\"contract-secret-0123456789\"}";
            String unanswered = contract.check(POST, "/api/v1/subscriptions", given().contentType(ContentType.JSON).body(refused)
                    .post("/api/v1/subscriptions")).then().statusCode(201).extract().path("id");
            for (String bad : List.of("{}", "{\"url\":\"ftp://x\",\"events\":[\"nope\"],\"secret\":\"short\"}", "[1]")) {
                contract.check(POST, "/api/v1/subscriptions", given().contentType(ContentType.JSON).body(bad)
                        .post("/api/v1/subscriptions")).then().statusCode(422);
                assertFalse(contract.requestProblemsOf(POST, "/api/v1/subscriptions", "application/json", bad).isEmpty(), bad);
            }
            contract.check(POST, "/api/v1/subscriptions", given().contentType(ContentType.JSON).body("{\"url\":")
                    .post("/api/v1/subscriptions")).then().statusCode(400);
            contract.check(POST, "/api/v1/subscriptions", given().contentType(ContentType.TEXT).body("url=x")
                    .post("/api/v1/subscriptions")).then().statusCode(415);
            given().contentType(ContentType.JSON).body("{\"partnerReports\":2}")
                    .put("/api/v1/incidents/CONTRACT-HOOK-" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(201);
            webhookDeliveries.runDue();
            contract.check(GET, "/api/v1/subscriptions", given().get("/api/v1/subscriptions")).then().statusCode(200);
            contract.check(GET, "/api/v1/subscriptions/" + id, given().get("/api/v1/subscriptions/" + id)).then().statusCode(200);
            contract.check(GET, "/api/v1/subscriptions/" + id + "/deliveries",
                    given().get("/api/v1/subscriptions/" + id + "/deliveries")).then().statusCode(200)
                    .body("deliveries[0].state", equalTo("DELIVERED")).body("deliveries[0].attempts[0].status", equalTo(200));
            contract.check(GET, "/api/v1/subscriptions/" + unanswered + "/deliveries",
                    given().get("/api/v1/subscriptions/" + unanswered + "/deliveries")).then().statusCode(200)
                    .body("deliveries[0].state", equalTo("PENDING")).body("deliveries[0].attempts[0].status", nullValue())
                    .body("deliveries[0].attempts[0].error", not(emptyOrNullString()));
            for (String s : List.of(id, unanswered)) {
                contract.check(com.atlassian.oai.validator.model.Request.Method.DELETE, "/api/v1/subscriptions/" + s,
                        given().delete("/api/v1/subscriptions/" + s)).then().statusCode(204);
            }
            contract.check(GET, "/api/v1/subscriptions/" + id, given().get("/api/v1/subscriptions/" + id)).then().statusCode(404);
            contract.check(GET, "/api/v1/subscriptions/" + id + "/deliveries",
                    given().get("/api/v1/subscriptions/" + id + "/deliveries")).then().statusCode(404);
            contract.check(com.atlassian.oai.validator.model.Request.Method.DELETE, "/api/v1/subscriptions/" + id,
                    given().delete("/api/v1/subscriptions/" + id)).then().statusCode(404);
        }
    }

    @Test
    void exportsConformInBothFormats() {
        given().contentType(ContentType.JSON).body("{\"partnerReports\":7}").post("/api/v1/decisions").then().statusCode(200);
        contract.check(GET, "/api/v1/decisions/export", given().queryParam("format", "CSV").get("/api/v1/decisions/export"))
                .then().statusCode(200).contentType(startsWith("text/csv"));
        contract.check(GET, "/api/v1/decisions/export", given().get("/api/v1/decisions/export")).then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"));
        contract.check(GET, "/api/v1/decisions/export", given().queryParam("format", "xml").get("/api/v1/decisions/export"))
                .then().statusCode(422).body("errors.field", hasItem("format"));
        contract.check(GET, "/api/v1/decisions/export", given().accept("application/json").get("/api/v1/decisions/export"))
                .then().statusCode(406);
    }

    @Test
    void verificationConforms() {
        contract.check(GET, "/api/v1/audit/verify", given().get("/api/v1/audit/verify")).then().statusCode(200);
        contract.check(GET, "/api/v1/audit/verify", given().queryParam("from", "2999-01-01T00:00:00Z")
                .get("/api/v1/audit/verify")).then().statusCode(200).body("checked", equalTo(0));
        contract.check(GET, "/api/v1/audit/verify", given().queryParam("from", "2026-01-02T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/api/v1/audit/verify")).then().statusCode(422);
    }

    // --- The policy

    @Test
    void thePolicyItsVersionsAndCatalogConform() {
        contract.check(GET, "/api/v1/policy", given().get("/api/v1/policy")).then().statusCode(200);
        contract.check(GET, "/api/v1/policy/versions", given().get("/api/v1/policy/versions")).then().statusCode(200);
        contract.check(GET, "/api/v1/capabilities", given().get("/api/v1/capabilities")).then().statusCode(200)
                .header("X-Policy-Version", not(emptyOrNullString()));
        // reloads are checked in ReloadContractTest, on a folder of its own: a reload here would replace the
        // lastReload that other tests of this profile read
        contract.check(GET, "/api/v1/ping", given().get("/api/v1/ping")).then().statusCode(200);
    }

    @Test
    void previewsConform() throws IOException {
        Path dmn = Fixture.dir().resolve("incident-severity.dmn");
        contract.check(POST, "/api/v1/policy/preview", given().multiPart("incident-severity.dmn", dmn.toFile())
                .post("/api/v1/policy/preview")).then().statusCode(200);
        contract.check(POST, "/api/v1/policy/preview", given().contentType("application/zip")
                .body(zip(Map.of("incident-severity.dmn", Files.readAllBytes(dmn))))
                .post("/api/v1/policy/preview")).then().statusCode(200);
        contract.check(POST, "/api/v1/policy/preview", given().multiPart("incident-severity.dmn", "broken.dmn",
                "<definitions".getBytes()).post("/api/v1/policy/preview")).then().statusCode(422);
        contract.check(POST, "/api/v1/policy/preview", given().contentType("application/zip").body("not a zip".getBytes())
                .post("/api/v1/policy/preview")).then().statusCode(422);
        contract.check(POST, "/api/v1/policy/preview", given().contentType("multipart/form-data; boundary=x")
                .body(new byte[0]).post("/api/v1/policy/preview")).then().statusCode(400);
        contract.check(POST, "/api/v1/policy/preview", given().contentType(ContentType.TEXT).body("x")
                .post("/api/v1/policy/preview")).then().statusCode(415);
        long serverLimit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class)
                .asLongValue();
        contract.check(POST, "/api/v1/policy/preview", given().contentType("application/zip")
                .body(new byte[Math.toIntExact(serverLimit + 1)]).post("/api/v1/policy/preview")).then().statusCode(413);
    }

    // --- Every operation

    /**
     * An Accept that allows none of an operation's media types is a 406 problem on every operation of
     * the document (answered before the operation runs: a reload here changes nothing).
     */
    @Test
    void everyOperationAnswersAnUnacceptableAcceptWith406AsDocumented() {
        List<DocumentedOperation> operations = DocumentedOperation.all(contract);
        assertFalse(operations.isEmpty());
        String lastReload = given().get("/api/v1/policy").then().statusCode(200).extract().path("lastReload.at");
        for (DocumentedOperation operation : operations) {
            operation.sendAndCheck(contract, given().accept("text/html")).then().statusCode(406)
                    .contentType("application/problem+json").body("status", equalTo(406));
        }
        assertEquals(lastReload, given().get("/api/v1/policy").then().extract().path("lastReload.at"),
                "no operation ran: the reload did not happen");
    }

    // --- The document itself

    @Test
    void everyOperationHasAnIdATagAndDocumentsItsErrorsAsProblems() throws Exception {
        JsonNode doc = document();
        List<String> ids = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            assertTrue(op.getValue().hasNonNull("operationId"), where + " has an operationId");
            ids.add(op.getValue().get("operationId").asText());
            assertTrue(op.getValue().path("tags").size() == 1, where + " has one tag");
            op.getValue().get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode response = r.getValue().has("$ref") ? doc.at("/components/responses/"
                            + r.getValue().get("$ref").asText().replace("#/components/responses/", "")) : r.getValue();
                    assertTrue(response.path("content").has("application/problem+json"), where + " " + r.getKey());
                }
            });
        }));
        assertEquals(ids.size(), ids.stream().distinct().count(), "operationIds are unique");
        doc.get("tags").forEach(tag -> assertFalse(tag.path("description").asText().isBlank()));
    }

    @Test
    void everyOperationNamesItsSecurityAndDocumentsTheAccessControlAnswers() throws Exception {
        JsonNode doc = document();
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals("http", schemes.at("/basicAuth/type").asText());
        assertEquals("basic", schemes.at("/basicAuth/scheme").asText());
        assertEquals("http", schemes.at("/bearerAuth/type").asText());
        assertEquals("bearer", schemes.at("/bearerAuth/scheme").asText());
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertTrue(tags.contains(operation.at("/tags/0").asText()), where + " has a tag the document describes");
            List<String> schemesRequired = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemesRequired::add));
            assertEquals(List.of("basicAuth", "bearerAuth"), schemesRequired, where + " takes Basic or a bearer token");
            JsonNode responses = operation.get("responses");
            for (String status : List.of("401", "403", "429", "406", "500")) {
                assertTrue(responses.has(status), where + " documents " + status);
            }
            assertTrue(resolve(doc, resolve(doc, responses.get("401")).at("/headers/WWW-Authenticate")).path("required").asBoolean(),
                    where + ": a 401 carries WWW-Authenticate");
            assertTrue(resolve(doc, resolve(doc, responses.get("429")).at("/headers/Retry-After")).path("required").asBoolean(),
                    where + ": a 429 carries Retry-After");
            if (operation.has("requestBody")) {
                for (String status : List.of("400", "413", "415")) {
                    assertTrue(responses.has(status), where + " reads a body and documents " + status);
                }
            }
        }));
    }

    /**
     * Every example of an answer in the document (the decisions of each kind, the 422's problem...)
     * is an answer the document allows, as a generated client or Swagger UI shows it.
     */
    @Test
    void everyResponseExampleOfTheDocumentConformsToIt() throws Exception {
        JsonNode doc = document();
        int examples = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                for (var response : (Iterable<Map.Entry<String, JsonNode>>) op.getValue().get("responses")::fields) {
                    JsonNode answer = resolve(doc, response.getValue());
                    Map<String, String> headers = new java.util.HashMap<>();
                    answer.path("headers").fields().forEachRemaining(h -> {
                        if (resolve(doc, h.getValue()).path("required").asBoolean()) {
                            headers.put(h.getKey(), "1");
                        }
                    });
                    for (var media : (Iterable<Map.Entry<String, JsonNode>>) answer.path("content")::fields) {
                        List<JsonNode> values = new ArrayList<>();
                        if (media.getValue().has("example")) {
                            values.add(media.getValue().get("example"));
                        }
                        media.getValue().path("examples").forEach(e -> values.add(resolve(doc, e).get("value")));
                        for (JsonNode value : values) {
                            examples++;
                            String where = op.getKey() + " " + path.getKey() + " " + response.getKey() + " " + media.getKey();
                            List<String> problems = contract.problemsOf(
                                    com.atlassian.oai.validator.model.Request.Method.valueOf(op.getKey().toUpperCase()),
                                    path.getKey().replace("{id}", UUID.randomUUID().toString()),
                                    Integer.parseInt(response.getKey()), media.getKey(), headers, value.toString());
                            assertTrue(problems.isEmpty(), where + ": " + problems + "\n" + value);
                        }
                    }
                }
            }
        }
        assertTrue(examples >= 5, "the document shows the decisions of each kind and a 422: " + examples);
    }

    /** The source of the document has each key once: YAML does not allow a key twice, and a parser keeps only one. */
    @Test
    void theDocumentsSourceNamesEachKeyOnce() throws Exception {
        var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        yaml.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertTrue(in != null, "META-INF/openapi.yaml is on the class path");
            yaml.readTree(in);
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        return node != null && node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedOperationExists() throws Exception {
        java.util.Set<String> served = new java.util.TreeSet<>();
        org.jboss.jandex.Indexer indexer = new org.jboss.jandex.Indexer();
        Path classes = Path.of("target/classes");
        try (var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (var in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        org.jboss.jandex.Index index = indexer.complete();
        for (String verb : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
            for (var annotation : index.getAnnotations(org.jboss.jandex.DotName.createSimple("jakarta.ws.rs." + verb))) {
                var method = annotation.target().asMethod();
                var type = method.declaringClass();
                var classPath = type.declaredAnnotation(org.jboss.jandex.DotName.createSimple("jakarta.ws.rs.Path"));
                var methodPath = method.annotation(org.jboss.jandex.DotName.createSimple("jakarta.ws.rs.Path"));
                String path = (classPath == null ? "" : classPath.value().asString())
                        + (methodPath == null ? "" : "/" + methodPath.value().asString());
                // a template's regular expression ({id: [0-9a-f]...}) is not part of the documented path
                String documentedPath = path.replaceAll("/+", "/").replaceAll("/$", "")
                        .replaceAll("\\{(\\w+)\\s*:[^/]*}", "{$1}");
                if (documentedPath.startsWith("/api/")) { // the web console's pages (/, /ui) are not the API
                    served.add(verb.toLowerCase() + " " + documentedPath);
                }
            }
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        document().get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + p.getKey())));
        assertEquals(documented, served, "the document and the resource classes name the same operations");
    }

    @Test
    void theDocumentShowsTheAllowedValuesOfThePolicyInForce() throws Exception {
        JsonNode schemas = document().at("/components/schemas");
        // decisions answer "no severity" as null, so NONE is no severity value of an answer
        List<String> severities = policies.current().policy().inputTypes().severity().values().stream()
                .filter(s -> !s.equals("NONE")).toList();
        JsonNode served = schemas.at("/Severity/enum");
        assertFalse(served.isMissingNode(), "the severity enum is filled in");
        List<String> listed = new ArrayList<>();
        served.forEach(v -> listed.add(v.asText()));
        assertEquals(severities, listed);
        assertTrue(schemas.at("/ImpactLevelInput/pattern").asText().contains("|"), "an input pattern is filled in");
        assertFalse(document().at("/info/x-policy-version").asText().isBlank());
    }

    @Test
    void theDocumentStatesTheSizeLimitsInForce() throws Exception {
        JsonNode doc = document();
        assertEquals(decisionLimits.maxBatchItems(),
                doc.at("/paths/~1api~1v1~1decisions~1batch/post/requestBody/content/application~1json/schema/maxItems").asInt());
        JsonNode limit = null;
        for (JsonNode parameter : doc.at("/paths/~1api~1v1~1decisions/get/parameters")) {
            limit = "limit".equals(parameter.path("name").asText()) ? parameter : limit;
        }
        assertTrue(limit != null, "listDecisions documents limit");
        assertEquals(auditConfig.maxPageSize(), limit.at("/schema/maximum").asInt());
    }

    private JsonNode document() throws IOException {
        return JSON.readTree(contract.document());
    }

    private static String minutesAgo(int minutes) {
        return java.time.Instant.now().minusSeconds(minutes * 60L).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
