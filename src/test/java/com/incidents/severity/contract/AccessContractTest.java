package com.incidents.severity.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The access-control answers of every operation the served document names, validated against it:
 * 401 without credentials and with a wrong password (with the WWW-Authenticate challenge), 403 for
 * a user who holds none of the operation's roles, and 403 for a state-changing call from another
 * origin. The operations are read from the document, so one added to it is covered here too.
 * (The 429 of the rate limit needs a tiny limit: ConfiguredLimitsTest.)
 */
@QuarkusTest
class AccessContractTest {

    /** The test user who holds no role (application.properties, %test). */
    private static final String NOBODY = "nobody";

    private ServedContract contract;
    private List<DocumentedOperation> operations;

    @BeforeEach
    void fetchTheServedDocument() {
        contract = ServedContract.fetch();
        operations = DocumentedOperation.all(contract);
        assertFalse(operations.isEmpty(), "the document names operations");
    }

    @Test
    void everyOperationAnswersAStrangerWith401AsDocumented() {
        for (DocumentedOperation operation : operations) {
            operation.sendAndCheck(contract, given().auth().none()).then()
                    .statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("/problems/unauthorized"))
                    .header("WWW-Authenticate", matchesRegex("(?i)basic realm=.*"));
            operation.sendAndCheck(contract, given().auth().preemptive().basic(NOBODY, "not-the-password")).then()
                    .statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("/problems/unauthorized"))
                    .header("WWW-Authenticate", matchesRegex("(?i)basic realm=.*"));
        }
    }

    @Test
    void everyOperationAnswersAUserWithoutItsRoleWith403AsDocumented() {
        for (DocumentedOperation operation : operations) {
            operation.sendAndCheck(contract, given().auth().preemptive().basic(NOBODY, NOBODY)).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("/problems/forbidden"));
        }
    }

    @Test
    void everyStateChangingOperationAnswersAnotherOriginWith403AsDocumented() {
        int posts = 0;
        for (DocumentedOperation operation : operations) {
            if (operation.method() == Request.Method.POST) {
                posts++;
                operation.sendAndCheck(contract, given().header("Origin", "https://elsewhere.example")).then()
                        .statusCode(403).contentType("application/problem+json")
                        .body("type", equalTo("/problems/cross-origin"));
            }
        }
        assertTrue(posts > 0, "the document names state-changing operations");
    }
}
