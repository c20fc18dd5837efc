package com.incidents.severity.draft;

import static com.incidents.severity.draft.Drafts.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.console.Console;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.XmlPath;

/**
 * The review page (/ui/review) on its HTML: the drafts waiting with their row diff, validation and
 * impact; approve, reject, publish and rebase through its forms, with the console's session and CSRF
 * field; a refused action shown on the page with its reason; and the activity searched by person,
 * kind and time.
 */
@QuarkusTest
@TestProfile(ReviewPageTest.OwnCopyAndDatabase.class)
class ReviewPageTest {

    public static class OwnCopyAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/review-page-" + System.nanoTime());
            return config;
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @BeforeEach
    void startFromTheFixture() {
        PolicyEdits.restore(rules, CAPABILITY_CSV);
        Fixture.putBackInForce(rules);
    }

    private static Map<String, String> as(String user) {
        return Console.signIn(user);
    }

    private static XmlPath page(Map<String, String> cookies, String path) {
        return given().auth().none().cookies(cookies).get(path).then().statusCode(200).extract().htmlPath();
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, String> cookies, String path,
            String comment) {
        var request = given().auth().none().redirects().follow(false).cookies(cookies)
                .formParam("csrf-token", Console.formToken(cookies, "/ui/review"));
        if (comment != null) {
            request.formParam("comment", comment);
        }
        return request.post(path).then();
    }

    @Test
    void aSecondEditorApprovesAndPublishesADraftFromTheReviewPage() throws Exception {
        String id = create("C2 outages over 5 hours are SEV1", Map.of(PolicyEdits.DMN, c2Dmn(), CAPABILITY_CSV, c2Scenarios()));
        Map<String, String> editor = as("editor");
        String article = "**.find { it.name() == 'article' && it.@'data-draft' == '" + id + "' }";
        XmlPath review = page(editor, "/ui/review");
        assertEquals("OPEN", review.getString(article + ".@'data-state'"));
        assertEquals("true", review.getString(article + ".'**'.find { it.@class.toString().startsWith('validation') }.@'data-accepted'"));
        String html = given().auth().none().cookies(editor).get("/ui/review").then().extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("data-diff-table=\"Capability severity\""), "the row diff");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("would change"), "the replay impact");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("formaction=\"/ui/review/" + id + "/reject\""), "a reject button");

        // its author sees why they cannot approve it, and is refused on the page if they try
        String own = given().auth().none().cookies(as("admin")).get("/ui/review").then().extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(own.contains("You wrote this draft"), "the author is told");
        post(as("admin"), "/ui/review/" + id + "/approve", "mine is fine").statusCode(403)
                .contentType(containsString("text/html")).body(containsString("id=\"refusal\""))
                .body(containsString("must come from another policy editor")).body(not(containsString("/api/v1")));
        // a publish before the approval: refused with the reason, nothing changes
        post(editor, "/ui/review/" + id + "/publish", null).statusCode(409).body(containsString("has no approval"));
        assertEquals(Fixture.files().version(), inForce());
        // an approval needs a comment, named as the field at fault
        post(editor, "/ui/review/" + id + "/approve", "").statusCode(422).body(containsString("<strong>comment</strong>"));

        post(editor, "/ui/review/" + id + "/approve", "checked the C2 rows").statusCode(303)
                .header("Location", endsWith("/ui/drafts/" + id));
        post(editor, "/ui/review/" + id + "/publish", null).statusCode(303).header("Location", endsWith("/ui/drafts/" + id));
        String version = given().get("/api/v1/policy/drafts/" + id).then().body("draft.state", equalTo("PUBLISHED"))
                .body("draft.publisher", equalTo("editor")).body("history.kind", contains("PUBLISHED", "APPROVED", "CREATED"))
                .body("history[1].actor", equalTo("editor")).body("history[1].comment", equalTo("checked the C2 rows"))
                .extract().path("draft.publishedVersion");
        assertEquals(version, inForce());
        assertEquals("SEV1", severity(C2_LONG_OUTAGE));
        given().auth().none().cookies(editor).get("/ui/drafts/" + id).then().statusCode(200)
                .body(containsString("id=\"draft-published\"")).body(containsString("is in force"))
                .body(containsString("approved by <strong>editor</strong>"));
        // no longer waiting
        given().auth().none().cookies(editor).get("/ui/review").then().body(not(containsString("data-draft=\"" + id + "\" data-state")));
    }

    /** The review shows, before anyone approves, which open incidents the draft would change now: publish then re-decides them so. */
    @Test
    void aDraftShowsWhichOpenIncidentsItWouldChangeBeforeItIsApproved() throws Exception {
        String changed = "REVIEW-" + System.nanoTime();
        String same = changed + "-short";
        given().contentType(io.restassured.http.ContentType.JSON).body(C2_LONG_OUTAGE).put("/api/v1/incidents/" + changed)
                .then().statusCode(201).body("severity", equalTo("SEV2"));
        given().contentType(io.restassured.http.ContentType.JSON)
                .body("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":30}")
                .put("/api/v1/incidents/" + same).then().statusCode(201);
        String id = create("C2 outages over 5 hours are SEV1", Map.of(PolicyEdits.DMN, c2Dmn(), CAPABILITY_CSV, c2Scenarios()));

        String change = "openIncidents.changes.find { it.key == '" + changed + "' }";
        given().get("/api/v1/policy/drafts/" + id).then().statusCode(200)
                .body("openIncidents.checked", greaterThanOrEqualTo(2))
                .body(change + ".inForceSeverity", equalTo("SEV2")).body(change + ".candidateSeverity", equalTo("SEV1"))
                .body(change + ".severityChanges", is(true)).body(change + ".currentSeverity", equalTo("SEV2"))
                .body("openIncidents.changes.key", not(hasItem(same)));
        String row = "**.find { it.name() == 'tr' && it.@'data-incident' == '" + changed + "' }";
        XmlPath review = page(as("editor"), "/ui/review");
        assertEquals("true", review.getString(row + ".@'data-severity-changes'"));
        org.junit.jupiter.api.Assertions.assertTrue(review.getString(row).contains("SEV1"), review.getString(row));
        org.junit.jupiter.api.Assertions.assertNull(review.get("**.find { it.name() == 'tr' && it.@'data-incident' == '" + same + "' }"),
                "an incident the draft leaves as it is is not listed");
        XmlPath draft = page(as("editor"), "/ui/drafts/" + id);
        assertEquals("/ui/incidents/" + changed, draft.getString(row + ".td[0].a.@href"));

        // what the review showed is what the publish does: the incident is re-decided SEV1 under the new version
        review(id, "approve", "editor").statusCode(200);
        publish(id).statusCode(200);
        String version = inForce();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String severity;
        do {
            var now = given().get("/api/v1/incidents/" + changed).then().statusCode(200).extract();
            severity = version.equals(now.path("policyVersion")) ? now.path("severity") : null;
        } while (severity == null && System.nanoTime() < deadline && pause());
        assertEquals("SEV1", severity);
    }

    private static boolean pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // polling the re-decision's result, not waiting for it blindly
        return true;
    }

    @Test
    void aStaleDraftIsRebasedFromTheReviewPageAndAConflictIsShownByTableAndRule() throws Exception {
        String first = create("C2 outages over 5 hours are SEV1", Map.of(PolicyEdits.DMN, c2Dmn(), CAPABILITY_CSV, c2Scenarios()));
        String second = create("the same row, otherwise", Map.of(PolicyEdits.DMN, c2Dmn().clone()));
        Map<String, String> editor = as("editor");
        post(editor, "/ui/review/" + first + "/approve", "yes").statusCode(303);
        post(editor, "/ui/review/" + first + "/publish", null).statusCode(303);
        // the second draft's base is no longer in force: publish refused, with the rebase offered
        String review = given().auth().none().cookies(editor).get("/ui/review").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(review.contains("action=\"/ui/review/" + second + "/rebase\""), "rebase offered");
        post(editor, "/ui/review/" + second + "/rebase", null).statusCode(303);
        given().get("/api/v1/policy/drafts/" + second).then().body("baseInForce", is(true))
                .body("history[0].kind", equalTo("REBASED")).body("history[0].actor", equalTo("editor"));
    }

    @Test
    void theActivityIsSearchedByPersonKindAndTime() throws Exception {
        String id = create("C2 outages", Map.of(PolicyEdits.DMN, c2Dmn()));
        Map<String, String> editor = as("editor");
        post(editor, "/ui/review/" + id + "/reject", "the scenarios are missing").statusCode(303);
        Map<String, String> auditor = as("auditor");
        String rejected = "**.findAll { it.name() == 'tr' && it.@'data-draft' == '" + id + "' && it.@'data-kind' == 'REJECTED' }.size()";
        String created = "**.findAll { it.name() == 'tr' && it.@'data-draft' == '" + id + "' && it.@'data-kind' == 'CREATED' }.size()";
        XmlPath byEditor = page(auditor, "/ui/review?actor=editor&kind=REJECTED");
        assertEquals(1, byEditor.getInt(rejected));
        assertEquals(0, byEditor.getInt(created));
        XmlPath byAuthor = page(auditor, "/ui/review?author=admin");
        assertEquals(1, byAuthor.getInt(rejected));
        assertEquals(1, byAuthor.getInt(created));
        assertEquals(0, page(auditor, "/ui/review?actor=auditor").getInt(rejected));
        assertEquals(0, page(auditor, "/ui/review?from=2999-01-01T00:00:00Z").getInt(created));
        assertEquals(1, page(auditor, "/ui/review?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").getInt(created));
        given().auth().none().cookies(auditor).get("/ui/review?from=yesterday&kind=GUESSED").then().statusCode(400)
                .body(containsString("<strong>from</strong>")).body(containsString("<strong>kind</strong>"));
        // an auditor reads the page but has no buttons
        given().auth().none().cookies(auditor).get("/ui/review").then().body(not(containsString("/approve\"")));
    }
}
