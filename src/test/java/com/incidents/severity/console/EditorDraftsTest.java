package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The editor page's saves with the console session (the API takes HTTP Basic only): they need the
 * session's CSRF token and the policy-editor role, create a draft by the signed-in editor with the
 * files sent (its validation report as the API shows it), save into another editor's draft as the
 * API allows, and {@code ?draft=id} opens that draft's files with its state and comment.
 */
@QuarkusTest
class EditorDraftsTest {

    static final String ESCALATION = "scenarios/escalation.csv";

    static String brokenEscalation() throws Exception {
        return Files.readString(Fixture.dir().resolve(ESCALATION))
                .replace("16 partner reports alone,,,,,,,,16,SEV1", "16 partner reports alone,,,,,,,,16,SEV3");
    }

    @Test
    void savesNeedTheSessionsCsrfTokenAndThePolicyEditorRole() throws Exception {
        var editor = Console.signIn("editor");
        byte[] csv = brokenEscalation().getBytes(StandardCharsets.UTF_8);
        given().auth().none().cookies(editor).multiPart("comment", "no token").multiPart(ESCALATION, "escalation.csv", csv)
                .accept("application/json").post("/ui/editor/drafts").then().statusCode(403)
                .body(containsString("The form is out of date"));
        given().auth().none().cookies(editor).header("X-CSRF-Token", Console.formToken(Console.signIn("editor"), "/ui/editor"))
                .multiPart("comment", "another session's token").accept("application/json").post("/ui/editor/drafts")
                .then().statusCode(403);
        var auditor = Console.signIn("auditor");
        given().auth().none().cookies(auditor).header("X-CSRF-Token", Console.formToken(auditor, "/ui"))
                .multiPart("comment", "an auditor").accept("application/json").post("/ui/editor/drafts").then()
                .statusCode(403);
        given().auth().none().redirects().follow(false).multiPart("comment", "nobody").post("/ui/editor/drafts").then()
                .statusCode(302).header("Location", containsString("/ui/login"));
        // Basic credentials are the API's, not the console's
        given().auth().preemptive().basic("editor", "editor").multiPart("comment", "basic").post("/ui/editor/drafts")
                .then().statusCode(302);

        String id = given().auth().preemptive().basic("admin", "admin").multiPart("comment", "by the API")
                .post("/api/v1/policy/drafts").then().statusCode(201).extract().path("id");
        given().auth().none().cookies(editor).contentType("text/plain").body(csv).accept("application/json")
                .put("/ui/editor/drafts/" + id + "/files/" + ESCALATION).then().statusCode(403);
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then().statusCode(200)
                .body("draft.files.size()", is(0)).body("draft.revision", is(1));
    }

    @Test
    void aSaveCreatesADraftByTheSignedInEditorWithTheFilesSent() throws Exception {
        var editor = Console.signIn("editor");
        String token = Console.formToken(editor, "/ui/editor");
        String id = given().auth().none().cookies(editor).header("X-CSRF-Token", token)
                .multiPart("comment", "16 partner reports are SEV3")
                .multiPart(ESCALATION, "escalation.csv", brokenEscalation().getBytes(StandardCharsets.UTF_8), "text/plain")
                .accept("application/json").post("/ui/editor/drafts").then().statusCode(201)
                .header("Location", containsString("/ui/editor?draft="))
                .body("author", equalTo("editor")).body("state", equalTo("OPEN"))
                .body("files.path", equalTo(List.of(ESCALATION))).extract().path("id");
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then().statusCode(200)
                .body("draft.author", equalTo("editor")).body("draft.comment", equalTo("16 partner reports are SEV3"))
                .body("draft.baseVersion", equalTo(Fixture.files().version()))
                .body("draft.files.path", equalTo(List.of(ESCALATION)))
                .body("validation.accepted", is(false)).body("validation.scenariosFailed", is(1))
                .body("validation.scenarios.find { !it.passed }.description", equalTo("16 partner reports alone"));
        // the draft service's own checks: a comment is required, paths are a preview's
        given().auth().none().cookies(editor).header("X-CSRF-Token", token).multiPart("comment", " ")
                .accept("application/json").post("/ui/editor/drafts").then().statusCode(422)
                .body(containsString("a comment is required"));
        given().auth().none().cookies(editor).header("X-CSRF-Token", token).multiPart("comment", "hostile")
                .multiPart("../../etc/passwd", "passwd", "x".getBytes(StandardCharsets.UTF_8))
                .accept("application/json").post("/ui/editor/drafts").then().statusCode(422)
                .body(containsString("is not a relative path inside the rules folder"));
    }

    @Test
    void anEditorSavesIntoAnotherEditorsDraftAndOpensItsFiles() throws Exception {
        String id = given().auth().preemptive().basic("admin", "admin").multiPart("comment", "admin's draft")
                .post("/api/v1/policy/drafts").then().statusCode(201).extract().path("id");
        var editor = Console.signIn("editor");
        String token = Console.formToken(editor, "/ui/editor");
        String csv = brokenEscalation();
        given().auth().none().cookies(editor).header("X-CSRF-Token", token).contentType("text/plain;charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).accept("application/json")
                .put("/ui/editor/drafts/" + id + "/files/" + ESCALATION).then().statusCode(200)
                .body("author", equalTo("admin")).body("revision", is(2)).body("files.path", equalTo(List.of(ESCALATION)));
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then()
                .body("draft.files.find { it.path == '" + ESCALATION + "' }.change", equalTo("CHANGED"))
                .body("validation.scenariosFailed", is(1));

        // ?draft=id: the draft's files, the one it changes marked, its state and comment shown
        String html = given().auth().none().cookies(editor).get("/ui/editor?draft=" + id).then().statusCode(200)
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(html, containsString("data-draft=\"" + id + "\""));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("data-path=\"" + ESCALATION
                + "\" data-kind=\"csv\" data-in-draft=\"true\""));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("data-path=\"incident-severity.dmn\" data-kind=\"dmn\""
                + " data-in-draft=\"false\""));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("admin&#39;s draft"));
        given().auth().none().cookies(editor).get("/ui/editor/file?draft=" + id + "&path=" + ESCALATION).then()
                .statusCode(200).body(equalTo(csv));
        given().auth().none().cookies(editor).get("/ui/editor/file?path=" + ESCALATION).then().statusCode(200)
                .body(equalTo(Files.readString(Fixture.dir().resolve(ESCALATION))));
        given().auth().none().cookies(editor).get("/ui/editor?draft=no-such-draft").then().statusCode(404);
    }

    @Test
    void theDraftsConsolePageShowsItsFilesValidationAndImpactToEditorsAndAuditors() throws Exception {
        var editor = Console.signIn("editor");
        String id = given().auth().none().cookies(editor).header("X-CSRF-Token", Console.formToken(editor, "/ui/editor"))
                .multiPart("comment", "16 partner reports are SEV3")
                .multiPart(ESCALATION, "escalation.csv", brokenEscalation().getBytes(StandardCharsets.UTF_8), "text/plain")
                .accept("application/json").post("/ui/editor/drafts").then().statusCode(201).extract().path("id");
        var page = Console.as("auditor").get("/ui/drafts/" + id).then().statusCode(200).extract().htmlPath();
        assertEquals("editor", page.getString("**.find { it.@id == 'draft-author' }"));
        assertEquals("OPEN", page.getString("**.find { it.@id == 'draft-state' }.@'data-state'"));
        assertEquals(ESCALATION, page.getString("**.find { it.@id == 'draft-files' }.li.@'data-path'"));
        assertEquals("false", page.getString("**.find { it.@id == 'draft-validation' }.@'data-accepted'"));
        assertEquals(ESCALATION + ": 16 partner reports alone",
                page.getString("**.find { it.@id == 'failed-scenarios' }.li").strip());
        org.hamcrest.MatcherAssert.assertThat(page.getString("**.find { it.@id == 'impact-unavailable' }"),
                containsString("a reload would refuse the draft"));
        Console.as("editor").get("/ui/drafts/" + id).then().statusCode(200)
                .body(containsString("href=\"/ui/editor?draft=" + id + "\""));
        Console.as("client").get("/ui/drafts/" + id).then().statusCode(403);
        Console.as("auditor").get("/ui/drafts/no-such-draft").then().statusCode(404);
    }
}
