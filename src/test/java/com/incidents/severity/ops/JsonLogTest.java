package com.incidents.severity.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The production log format (JSON lines), written to a file here: a line about a decision carries
 * its decision id and its caller in the MDC, so an operator can find every line about it.
 */
@QuarkusTest
@TestProfile(JsonLogTest.JsonToFile.class)
class JsonLogTest {

    public static class JsonToFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", "target/json-log-" + System.nanoTime() + ".log",
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.log.category.\"com.incidents.severity.decision.service\".level", "DEBUG");
        }
    }

    @ConfigProperty(name = "quarkus.log.file.path")
    Path log;

    @Test
    void aLineAboutADecisionCarriesItsIdAndCaller() throws Exception {
        String id = given().contentType(ContentType.JSON).header("X-Client-Id", "json-log-test")
                .body("{\"partnerReports\":6}").post("/api/v1/decisions").then().statusCode(200)
                .extract().header("X-Decision-Id");
        ObjectMapper json = new ObjectMapper();
        long deadline = System.currentTimeMillis() + 10_000;
        Optional<JsonNode> line = Optional.empty();
        while (line.isEmpty() && System.currentTimeMillis() < deadline) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (String l : lines) {
                JsonNode node = json.readTree(l); // every line is JSON
                if (id.equals(node.path("mdc").path("decisionId").asText())) {
                    line = Optional.of(node);
                }
            }
            if (line.isEmpty()) {
                Thread.sleep(100); // polling with a deadline
            }
        }
        assertTrue(line.isPresent(), "no JSON line with decision id " + id + " in " + log);
        // The caller is the authenticated user (the tests' default credentials), never X-Client-Id.
        assertEquals(com.incidents.severity.support.DefaultCredentials.USER, line.get().path("mdc").path("caller").asText());
        assertTrue(line.get().path("message").asText().startsWith("Decided SEV"), line.get().toString());
    }
}
