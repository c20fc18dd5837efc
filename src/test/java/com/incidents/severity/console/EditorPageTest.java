package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;

/**
 * The editor page as HTML and its check as JSON: who may open it, its own CSP (the DMN editor's one
 * inline script by hash, inline styles, on this page only), the files it lists and serves, and what
 * the check answers for an unchanged, a broken and a hostile candidate.
 */
@QuarkusTest
class EditorPageTest {

    @Test
    void theEditorListsThePolicyFilesWithHowEachIsShown() {
        String html = Console.as("editor").get("/ui/editor").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, html);
        List<String> paths = java.util.regex.Pattern.compile("<button type=\"button\" class=\"file\" data-path=\"([^\"]+)\"")
                .matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(Fixture.files().files().keySet().stream().sorted().toList(), paths.stream().sorted().toList());
        assertEquals("dmn", page.getString("**.find { it.@'data-path' == 'incident-severity.dmn' }.@'data-kind'"));
        assertEquals("csv", page.getString("**.find { it.@'data-path' == 'scenarios/escalation.csv' }.@'data-kind'"));
        assertEquals("drl", page.getString("**.find { it.@'data-path' == 'severity/combination.drl' }.@'data-kind'"));
        assertEquals("/ui/static/editor/lib/dmn-editor-index.js", page.getString("**.find { it.name() == 'script' &&"
                + " it.@src.text().contains('dmn-editor') }.@src"));
    }

    @Test
    void onlyTheEditorPageAllowsTheDmnEditorsInlineScriptAndStyles() {
        var editor = Console.signIn("editor");
        String csp = given().cookies(editor).get("/ui/editor").then().statusCode(200)
                .header("X-Frame-Options", "DENY").header("Cache-Control", "no-store")
                .extract().header("Content-Security-Policy");
        assertEquals(1, given().cookies(editor).get("/ui/editor").headers().getValues("Content-Security-Policy").size(),
                "one CSP, not the console's as well");
        org.hamcrest.MatcherAssert.assertThat(csp, matchesPattern("default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';"
                + " style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; frame-ancestors 'none'"));
        org.hamcrest.MatcherAssert.assertThat(csp, not(containsString("unsafe-eval")));
        given().cookies(editor).get("/ui/preview").then().statusCode(200)
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY");
        given().get("/ui/static/editor/lib/dmn-editor-index.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void onlyPolicyEditorsOpenIt() {
        Console.as("auditor").get("/ui/editor").then().statusCode(403);
        Console.as("client").get("/ui/editor").then().statusCode(403);
        given().auth().none().redirects().follow(false).get("/ui/editor").then().statusCode(302)
                .header("Location", containsString("/ui/login"));
        given().auth().none().redirects().follow(false).get("/ui/editor/file?path=incident-severity.dmn").then()
                .statusCode(302);
    }

    @Test
    void itServesThePolicyFilesInForceAndNoOther() throws Exception {
        var editor = Console.signIn("editor");
        given().cookies(editor).get("/ui/editor/file?path=scenarios/escalation.csv").then().statusCode(200)
                .body(equalTo(Files.readString(Fixture.dir().resolve("scenarios/escalation.csv"))));
        given().cookies(editor).get("/ui/editor/file?path=../pom.xml").then().statusCode(404);
        given().cookies(editor).get("/ui/editor/file?path=application.properties").then().statusCode(404);
    }

    @Test
    void theCheckAnswersEveryScenarioAndPlacesWhatFails() throws Exception {
        var editor = Console.signIn("editor");
        String token = Console.formToken(editor, "/ui/editor");
        String csv = Files.readString(Fixture.dir().resolve("scenarios/escalation.csv"))
                .replace("16 partner reports alone,,,,,,,,16,SEV1", "16 partner reports alone,,,,,,,,16,SEV3");
        var report = given().cookies(editor).header("X-CSRF-Token", token)
                .multiPart("scenarios/escalation.csv", "escalation.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .accept("application/json").post("/ui/editor/check").then().statusCode(200)
                .body("accepted", equalTo(false), "built", equalTo(true), "scenarios", hasSize(163))
                .body("scenarios.findAll { !it.passed }.description", equalTo(List.of("16 partner reports alone")))
                .extract().jsonPath();
        Map<String, Object> failed = report.getMap("scenarios.find { !it.passed }");
        assertEquals("scenarios/escalation.csv", failed.get("file"));
        assertEquals(List.of(Map.of("column", "Severity", "expected", "SEV3", "actual", "SEV1"),
                Map.of("column", "Basis", "expected", "ESCALATION", "actual", "ESCALATION")), failed.get("checks"));
    }

    @Test
    void theCheckNamesTheDecisionTableAnalysisOnItsTable() throws Exception {
        var editor = Console.signIn("editor");
        String dmn = Files.readString(Fixture.dir().resolve("incident-severity.dmn")).replace("<text>&gt;15</text>",
                "<text>&gt;20</text>");
        given().cookies(editor).header("X-CSRF-Token", Console.formToken(editor, "/ui/editor"))
                .multiPart("incident-severity.dmn", "incident-severity.dmn", dmn.getBytes(StandardCharsets.UTF_8))
                .accept("application/json").post("/ui/editor/check").then().statusCode(200)
                .body("accepted", equalTo(false))
                .body("validation.findAll { it.table == 'Escalation severity' }.message",
                        hasItem("Gap detected: [ ( 15 .. 20 ] ]"))
                .body("validation.findAll { it.table == 'Escalation severity' }.file", everyItem(equalTo("incident-severity.dmn")));
    }

    @Test
    void theCheckRefusesAFormOfAnotherSessionAndHostilePartNames() {
        var editor = Console.signIn("editor");
        given().cookies(editor).multiPart("incident-severity.dmn", "x").accept("application/json")
                .post("/ui/editor/check").then().statusCode(403);
        given().cookies(editor).header("X-CSRF-Token", Console.formToken(Console.signIn("editor"), "/ui/editor"))
                .multiPart("incident-severity.dmn", "x").accept("application/json").post("/ui/editor/check").then()
                .statusCode(403);
        String token = Console.formToken(editor, "/ui/editor");
        given().cookies(editor).header("X-CSRF-Token", token).multiPart("../../etc/passwd", "passwd", "x".getBytes(StandardCharsets.UTF_8))
                .accept("application/json").post("/ui/editor/check").then().statusCode(422)
                .body(containsString("is not a relative path inside the rules folder"));
        given().cookies(editor).header("X-CSRF-Token", token).multiPart("new-file.dmn", "new-file.dmn", "x".getBytes(StandardCharsets.UTF_8))
                .accept("application/json").post("/ui/editor/check").then().statusCode(422)
                .body(containsString("is no file of the policy in force"));
    }
}
