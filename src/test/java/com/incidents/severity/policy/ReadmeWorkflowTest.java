package com.incidents.severity.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.support.PolicyCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * README's editor's workflow, end to end, on a service serving and watching a copy of rules/ (as
 * {@code ./mvnw quarkus:dev} serves and watches rules/ itself): step 1, README's example edit applied
 * to the editor's copy of rules/ ({@link ReadmeExampleEditTest}); step 2, {@code validate}; step 3,
 * the preview, with the form parts README's curl sends; step 4, the files saved into the watched
 * folder, and the watcher puts them in force; step 5, the policy view and README's decision show the
 * new version; and {@code POST /api/v1/policy/reload} then finds nothing to change.
 */
@QuarkusTest
@TestProfile(ReadmeWorkflowTest.WatchingACopyOfRules.class)
class ReadmeWorkflowTest {

    private static final long LIVE_WITHIN_MS = 20_000;
    /** Step 3's curl: each {@code -F "part=@rules/file"}. */
    private static final Pattern PREVIEW_PART = Pattern.compile("-F \"([^\"=]+)=@rules/([^\"]+)\"");
    /** Step 5's decision: {@code curl ... -d '{...}'} on /api/v1/decisions. */
    private static final Pattern DECISION = Pattern.compile("api/v1/decisions -H 'Content-Type: application/json' -d '([^']+)'`");

    public static class WatchingACopyOfRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", servedBeforeTheEdit().toString(),
                    "severity.reload.watch", "true",
                    "severity.audit.data-dir", "./target/readme-workflow-audit-" + System.nanoTime());
        }
    }

    /**
     * A copy of rules/ as it is before README's example edit: rules/ itself, or, when an editor has
     * already made that edit in rules/ (following README for real), a copy with it undone, so the
     * workflow is shown on README's edit either way.
     */
    static Path servedBeforeTheEdit() {
        Path copy = PolicyCopy.of(ReadmeExampleEditTest.RULES);
        try {
            ReadmeExampleEditTest.Edit edit = ReadmeExampleEditTest.readmeEdit();
            if (ReadmeExampleEditTest.holds(edit, copy)) {
                ReadmeExampleEditTest.undo(edit, copy);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return copy;
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path served;

    @Test
    void theEditorsWorkflowWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String workflow = readme.substring(readme.indexOf("### The editor's workflow"),
                readme.indexOf("### Preview a change before it goes live")).replaceAll("\\s+", " ");
        Matcher decision = DECISION.matcher(workflow);
        assertTrue(decision.find(), "step 5 shows a decision request");
        String body = decision.group(1);
        String before = PolicyReader.fromDirectory(served).version();
        String oldSeverity = decide(body).getString("severity");

        // 1. Change the table (README's example edit, on the editor's copy of rules/).
        ReadmeExampleEditTest.Edit edit = ReadmeExampleEditTest.readmeEdit();
        Path editorsCopy = PolicyCopy.of(served);
        assertTrue(ReadmeExampleEditTest.apply(edit, editorsCopy), "the served copy does not hold README's edit yet");
        String after = PolicyReader.fromDirectory(editorsCopy).version();
        assertNotEquals(before, after);
        assertNotEquals(edit.severity(), oldSeverity, "README's decision changes under the edit");

        // 2. Check it.
        ReadmeExampleEditTest.Verdict verdict = ReadmeExampleEditTest.validate(editorsCopy);
        assertEquals(0, verdict.code(), verdict.out());
        assertTrue(verdict.lastLine().startsWith("ACCEPTED: "), verdict.out());

        // 3. Preview what it would change: the parts README's curl sends, from the editor's copy.
        Matcher part = PREVIEW_PART.matcher(workflow);
        Map<String, Path> parts = new LinkedHashMap<>();
        while (part.find()) {
            assertEquals(part.group(1), part.group(2), "a part is named by its path in the rules folder");
            parts.put(part.group(1), editorsCopy.resolve(part.group(2)));
        }
        assertTrue(parts.containsKey(ReadmeExampleEditTest.DMN_FILE) && parts.containsKey(edit.scenarioFile()),
                "step 3 sends the files step 1 changed: " + parts.keySet());
        RequestSpecification preview = given();
        for (Map.Entry<String, Path> p : parts.entrySet()) {
            preview = preview.multiPart(p.getKey(), p.getValue().getFileName().toString(), Files.readAllBytes(p.getValue()));
        }
        preview.post("/api/v1/policy/preview").then().statusCode(200)
                .body("candidateVersion", equalTo(after))
                .body("changed", greaterThanOrEqualTo(1));
        assertEquals(before, policy().getString("version"), "nothing went live");

        // 4. Put it in the watched folder.
        for (Path file : parts.values()) {
            Files.copy(file, served.resolve(editorsCopy.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        long deadline = System.currentTimeMillis() + LIVE_WITHIN_MS;
        JsonPath view = policy();
        while (!after.equals(view.getString("version")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // between polls of the policy view, not in place of the event
            view = policy();
        }

        // 5. See it live.
        assertEquals(after, view.getString("version"), () -> "live within " + LIVE_WITHIN_MS + " ms");
        assertEquals("WATCHER", view.getString("trigger"));
        assertTrue(view.getBoolean("lastReload.accepted"), view.prettify());
        given().get("/api/v1/policy/versions").then().statusCode(200)
                .body("find { it.version == '" + before + "' }.retiredAt", org.hamcrest.Matchers.notNullValue());
        JsonPath live = decide(body);
        assertEquals(edit.severity(), live.getString("severity"), body);
        assertEquals(after, live.getString("policyVersion"));

        // Where file events do not reach the service, a reload does the same; here it finds nothing new.
        given().post("/api/v1/policy/reload").then().statusCode(200)
                .body("accepted", is(true)).body("changed", is(false)).body("versionInForce", equalTo(after));
        assertFalse(Files.isSameFile(served, ReadmeExampleEditTest.RULES), "rules/ itself was not touched");
    }

    private static JsonPath decide(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath policy() {
        return given().get("/api/v1/policy").then().statusCode(200).extract().jsonPath();
    }
}
