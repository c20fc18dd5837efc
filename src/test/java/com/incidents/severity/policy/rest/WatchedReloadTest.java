package com.incidents.severity.policy.rest;

import static com.incidents.severity.support.PolicyEdits.SIXTEEN_REPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * With severity.rules.dir watched (the default settle time), a saved edit goes live within
 * seconds and a broken save is refused while the last good version keeps answering. Also prints
 * the time from a saved edit to the new version answering (see BENCHMARKS.md). Each test starts
 * from the fixture policy in force, whatever ran before it.
 */
@QuarkusTest
@TestProfile(WatchedReloadTest.Watched.class)
public class WatchedReloadTest {

    private static final long LIVE_WITHIN_MS = 10_000;

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", Fixture.copy().toString(), "severity.reload.watch", "true");
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    /** Puts back any file a test edited and waits until the watcher has put the fixture back in force. */
    @BeforeEach
    void startFromTheFixture() throws Exception {
        for (String file : List.of(PolicyEdits.DMN, PolicyEdits.ESCALATION_CSV)) {
            if (!Arrays.equals(Files.readAllBytes(Fixture.dir().resolve(file)), Files.readAllBytes(rules.resolve(file)))) {
                PolicyEdits.restore(rules, file);
            }
        }
        String fixture = Fixture.files().version();
        long deadline = System.currentTimeMillis() + LIVE_WITHIN_MS;
        JsonPath view = policy();
        while (!(fixture.equals(view.getString("version")) && view.getBoolean("lastReload.accepted"))
                && System.currentTimeMillis() < deadline && pause()) {
            view = policy();
        }
        assertEquals(fixture, view.getString("version"), "the fixture is back in force");
        assertTrue(view.getBoolean("lastReload.accepted"), view.prettify());
    }

    private static JsonPath policy() {
        return given().get("/api/v1/policy").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSavedEditGoesLiveThroughTheWatcher() {
        JsonPath before = decide();
        assertEquals("SEV1", before.getString("severity"));
        PolicyEdits.sev1Threshold(rules, 16);

        JsonPath after = awaitDecision(d -> d.getString("severity").equals("SEV2"));
        assertNotEquals(before.getString("policyVersion"), after.getString("policyVersion"));
        given().get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(after.getString("policyVersion")))
                .body("trigger", equalTo("WATCHER"))
                .body("lastReload.trigger", equalTo("WATCHER"))
                .body("lastReload.accepted", is(true));
    }

    @ExpectedErrors("a broken save is refused")

    @Test
    void aBrokenSaveIsRefusedAndTheLastGoodVersionKeepsAnswering() {
        String good = decide().getString("policyVersion");
        PolicyEdits.edit(rules, PolicyEdits.DMN, dmn -> dmn.replaceFirst("</decisionTable>", "</decisionTabl>"));

        long deadline = System.currentTimeMillis() + LIVE_WITHIN_MS;
        JsonPath view;
        do {
            view = given().get("/api/v1/policy").then().statusCode(200).extract().jsonPath();
        } while (view.getBoolean("lastReload.accepted") && System.currentTimeMillis() < deadline && pause());
        assertEquals(false, view.getBoolean("lastReload.accepted"), "the broken save was refused");
        assertEquals("WATCHER", view.getString("lastReload.trigger"));
        assertEquals(PolicyEdits.DMN, view.getString("lastReload.diagnostics[0].file"));
        assertEquals(good, view.getString("version"));
        assertEquals(good, decide().getString("policyVersion"));

        PolicyEdits.edit(rules, PolicyEdits.DMN, dmn -> dmn.replaceFirst("</decisionTabl>", "</decisionTable>"));
        awaitDecision(d -> true);
        deadline = System.currentTimeMillis() + LIVE_WITHIN_MS;
        while (!given().get("/api/v1/policy").then().extract().jsonPath().getBoolean("lastReload.accepted")
                && System.currentTimeMillis() < deadline) {
            pause();
        }
        given().get("/api/v1/policy").then().body("lastReload.accepted", is(true)).body("version", equalTo(good));
    }

    /**
     * Times {@value #EDITS} saved edits from the save to the new version answering, and prints them
     * with their median and what bounds them: the settle time, and the reload's build-and-validate
     * (BENCHMARKS.md, "Policy reload").
     */
    @Test
    void editToLiveTimes() {
        List<Long> liveMs = new ArrayList<>();
        List<Long> buildMs = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            int threshold = i % 2 == 0 ? 16 : 15;
            String expected = threshold == 15 ? "SEV1" : "SEV2";
            long saved = System.nanoTime();
            PolicyEdits.sev1Threshold(rules, threshold);
            awaitDecision(d -> d.getString("severity").equals(expected));
            liveMs.add((System.nanoTime() - saved) / 1_000_000);
            buildMs.add(given().get("/api/v1/policy").then().extract().jsonPath().getLong("lastReload.durationMs"));
        }
        System.out.printf("Edit saved to new version answering (settle %d ms), ms: %s; median %d%n", settle.toMillis(),
                liveMs, median(liveMs));
        System.out.printf("Build-and-validate of each reload, ms: %s; median %d%n", buildMs, median(buildMs));
        assertTrue(liveMs.stream().allMatch(ms -> ms < LIVE_WITHIN_MS), liveMs::toString);
    }

    private static final int EDITS = 9;

    @ConfigProperty(name = "severity.reload.settle")
    java.time.Duration settle;

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static JsonPath awaitDecision(Predicate<JsonPath> live) {
        long deadline = System.currentTimeMillis() + LIVE_WITHIN_MS;
        JsonPath d = decide();
        while (!live.test(d) && System.currentTimeMillis() < deadline && pause()) {
            d = decide();
        }
        JsonPath last = d;
        assertTrue(live.test(last), () -> "not live within " + LIVE_WITHIN_MS + " ms: " + last.prettify());
        return last;
    }

    private static JsonPath decide() {
        return given().contentType(ContentType.JSON).body(SIXTEEN_REPORTS).post("/api/v1/decisions").then()
                .statusCode(200).extract().jsonPath();
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
