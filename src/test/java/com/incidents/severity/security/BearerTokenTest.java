package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static com.atlassian.oai.validator.model.Request.Method.GET;
import static com.atlassian.oai.validator.model.Request.Method.POST;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.incidents.severity.contract.ServedContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * OIDC turned on by configuration, as the README's example does, against a real OIDC server over
 * HTTP (WireMock: discovery, keys) that signs the tokens: a token's roles (its groups claim) open
 * exactly the endpoints of those roles. The API takes one mechanism per deployment (so a call
 * without credentials is a 401, never the console's sign-in redirect): here bearer, as the README
 * configures it, so Basic credentials are not taken on the API.
 */
@QuarkusTest
@TestProfile(BearerTokenTest.WithOidc.class)
class BearerTokenTest {

    public static class WithOidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "incident-severity",
                    "quarkus.http.auth.permission.api.auth-mechanism", "bearer");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    private static String token(String user, String... roles) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(roles));
    }

    @Test
    void aDecisionClientsTokenDecidesButCannotSearchTheAudit() {
        ServedContract contract = ServedContract.fetch();
        String token = token("svc-dashboard", Roles.DECISION_CLIENT);
        String id = contract.check(POST, "/api/v1/decisions", given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"partnerReports\":3}").post("/api/v1/decisions")).then().statusCode(200)
                .extract().path("decisionId");
        contract.check(GET, "/api/v1/decisions", given().auth().oauth2(token).get("/api/v1/decisions")).then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        contract.check(GET, "/api/v1/decisions/" + id, given().auth().oauth2(token("an-auditor", Roles.AUDITOR))
                .get("/api/v1/decisions/" + id)).then().statusCode(200).body("caller", equalTo("svc-dashboard"));
    }

    /** The 401s of the bearer mechanism are the document's too: a problem with a Bearer challenge. */
    @Test
    void aForgedOrMissingTokenIs401AndBasicIsNotTakenOnTheApi() {
        ServedContract contract = ServedContract.fetch();
        contract.check(GET, "/api/v1/ping", given().auth().oauth2(token("x", Roles.DECISION_CLIENT) + "x")
                .get("/api/v1/ping")).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWithIgnoringCase("bearer"));
        contract.check(GET, "/api/v1/ping", given().auth().none().get("/api/v1/ping")).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWithIgnoringCase("bearer"));
        contract.check(GET, "/api/v1/ping", given().auth().preemptive().basic("client", "client").get("/api/v1/ping"))
                .then().statusCode(401);
    }
}
