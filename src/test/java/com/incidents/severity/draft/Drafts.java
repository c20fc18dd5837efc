package com.incidents.severity.draft;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the drafts API as the tests make them: drafts written by admin, reviewed by editor unless said otherwise. */
final class Drafts {

    static final String CAPABILITY_CSV = "scenarios/capability-tables.csv";
    static final String C2_LONG_OUTAGE = "{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}";

    private Drafts() {
    }

    /** The fixture's DMN with a C2 outage over 5 hours giving SEV1 (rule _r_428). */
    static byte[] c2Dmn() throws Exception {
        return PolicyEdits.c2LongOutageIsSev1(fixture(PolicyEdits.DMN)).getBytes(StandardCharsets.UTF_8);
    }

    /** The capability scenarios that pin that change. */
    static byte[] c2Scenarios() throws Exception {
        return PolicyEdits.c2LongOutageScenarios(fixture(CAPABILITY_CSV)).getBytes(StandardCharsets.UTF_8);
    }

    static String fixture(String file) throws Exception {
        return Files.readString(Fixture.dir().resolve(file));
    }

    static ValidatableResponse start(String comment, Map<String, byte[]> files) {
        RequestSpecification request = given().multiPart("comment", comment);
        files.forEach((path, bytes) -> request.multiPart(path, path, bytes));
        return request.post("/api/v1/policy/drafts").then();
    }

    static String create(String comment, Map<String, byte[]> files) {
        return start(comment, files).statusCode(201).extract().path("id");
    }

    static ValidatableResponse review(String id, String verdict, String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON)
                .body("{\"comment\":\"looked at the rows and the impact\"}")
                .post("/api/v1/policy/drafts/" + id + "/" + verdict).then();
    }

    static ValidatableResponse publish(String id) {
        return given().post("/api/v1/policy/drafts/" + id + "/publish").then();
    }

    static String inForce() {
        return given().get("/api/v1/policy").then().statusCode(200).extract().path("version");
    }

    static String severity(String request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/decisions").then().statusCode(200)
                .extract().path("severity");
    }
}
