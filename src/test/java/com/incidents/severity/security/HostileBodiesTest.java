package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Bodies built to break the parsers get a 4xx problem, never a 500. */
@QuarkusTest
class HostileBodiesTest {

    @Test
    void jsonNestedDeepInsideAFieldIsA4xx() {
        for (int depth : new int[] { 999, 1_001, 5_000 }) {
            String nested = "[".repeat(depth) + "]".repeat(depth);
            given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                    .body("{\"partnerReports\":" + nested + "}").post("/api/v1/decisions").then()
                    .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500))).contentType("application/problem+json");
            given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                    .body("{\"partnerReports\":3,\"x\":{\"y\":" + nested + "}}").post("/api/v1/decisions").then()
                    .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
        }
    }

    @Test
    void tooManyMultipartPartsIsA413() {
        RequestSpecification request = given().auth().preemptive().basic("editor", "editor");
        for (int i = 0; i < 1_100; i++) {
            request.multiPart("part" + i, "x" + i + ".csv", new byte[] { 'x' });
        }
        request.post("/api/v1/policy/preview").then().statusCode(413).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("/problems/too-many-parts"));
    }
}
