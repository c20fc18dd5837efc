package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who the audit says asked, browsers on other origins, and request input the service refuses. */
@QuarkusTest
class SecurityRulesTest {

    @TestHTTPResource("/")
    URL base;

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static Path dmn() {
        return Fixture.dir().resolve("incident-severity.dmn");
    }

    @Test
    void aCrossOriginMultipartPreviewIsRefusedBeforeItIsReadEvenWithAnEditorsCredentials() {
        given().auth().preemptive().basic("editor", "editor").header("Origin", "https://evil.example")
                .multiPart("incident-severity.dmn", dmn().toFile(), "application/xml")
                .post("/api/v1/policy/preview")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/cross-origin"))
                .body("detail", containsString("https://evil.example"));
        given().auth().none().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body("{\"partnerReports\":3}").post("/api/v1/decisions")
                .then().statusCode(403).body("type", equalTo("/problems/cross-origin"));
    }

    @Test
    void theServicesOwnOriginAndAllowedOnesMayPreview() {
        for (String origin : new String[] { ownOrigin(), "https://console.example.test" }) {
            given().auth().preemptive().basic("editor", "editor").header("Origin", origin)
                    .multiPart("incident-severity.dmn", dmn().toFile(), "application/xml")
                    .post("/api/v1/policy/preview")
                    .then().statusCode(200);
        }
    }

    @Test
    void readsFromAnyOriginPassTheOriginRule() {
        given().auth().preemptive().basic("client", "client").header("Origin", "https://evil.example")
                .get("/api/v1/ping").then().statusCode(200);
    }

    @Test
    void theAuditsCallerIsThePrincipalAndXClientIdOnlyItsLabel() {
        String id = given().auth().preemptive().basic("client", "client").header("X-Client-Id", "auditor")
                .contentType(ContentType.JSON).body("{\"partnerReports\":3}").post("/api/v1/decisions")
                .then().statusCode(200).extract().path("decisionId");
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("caller", equalTo("client")).body("clientLabel", equalTo("auditor"));
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/decisions?caller=client&clientLabel=auditor")
                .then().statusCode(200).body("items.decisionId", hasItem(id));
        String unlabelled = given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                .body("{\"partnerReports\":3}").post("/api/v1/decisions").then().extract().path("decisionId");
        given().get("/api/v1/decisions/" + unlabelled).then().body("caller", equalTo("client"))
                .body("clientLabel", nullValue());
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aKeyGivenTwiceIsA400NamingIt() {
        given().contentType(ContentType.JSON).body("{\"partnerReports\":3,\"partnerReports\":16}")
                .post("/api/v1/decisions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("partnerReports"))
                .body("detail", containsString("Duplicate field 'partnerReports'"));
        given().contentType(ContentType.JSON).body("[{\"partnerReports\":3,\"partnerReports\":16}]")
                .post("/api/v1/decisions/batch").then().statusCode(400).body("errors[0].field", equalTo("partnerReports"));
    }

    @Test
    void jsonDeeperThanTheParserAllowsOrANumberTooLongIsA400Problem() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        given().contentType(ContentType.JSON).body(deep).post("/api/v1/decisions/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json")).body("detail", containsString("limit"));
        String longNumber = "{\"partnerReports\":" + "9".repeat(1500) + "}";
        given().contentType(ContentType.JSON).body(longNumber).post("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aCapabilityNameOverTheCapIsRefusedWithoutSuggestions() {
        String longName = "App logging ".repeat(30);
        given().contentType(ContentType.JSON)
                .body("{\"capability\":\"" + longName + "\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10}")
                .post("/api/v1/decisions").then().statusCode(422)
                .body("errors.find { it.field == 'capability' }.message", startsWith("capability has 360 characters"))
                .body("errors.find { it.field == 'capability' }.suggestions", nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"capability\":\"App loging\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10}")
                .post("/api/v1/decisions").then().statusCode(422)
                .body("errors.find { it.field == 'capability' }.suggestions", hasItem("App logging"));
    }
}
