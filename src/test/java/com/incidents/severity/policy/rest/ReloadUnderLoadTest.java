package com.incidents.severity.policy.rest;

import static com.incidents.severity.support.PolicyEdits.SIXTEEN_REPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Reloads while clients decide: no request fails, and every answer is consistent with the version
 * it names. Reloads release what they replace: retired engines are garbage-collected and their KIE
 * modules are gone from the KIE repository.
 */
@QuarkusTest
@TestProfile(ReloadUnderLoadTest.Unwatched.class)
class ReloadUnderLoadTest {

    private static final Pattern ANSWER = Pattern.compile("\"severity\":\"(SEV\\d)\".*\"policyVersion\":\"([^\"]+)\"");

    public static class Unwatched extends UnwatchedFixtureCopy {
    }

    /**
     * Reloads under load, and reloads whose engines must all be released: each reload builds and
     * checks the whole policy (about 1.5 s here), so these are as few as still show it: answers
     * from several versions, and no retired engine kept, over more than a handful of versions.
     */
    private static final int RELOADS = 8;
    private static final int RETIRED = 12;

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Inject
    PolicyService policies;

    @TestHTTPResource("/api/v1/decisions")
    URI decisions;

    /** Each test starts from the fixture in force, whatever an earlier one left. */
    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    @Test
    void noRequestFailsWhileThePolicyIsReloaded() throws Exception {
        Map<String, String> severityByVersion = new ConcurrentHashMap<>();
        severityByVersion.put(policies.current().version(), "SEV1");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Map<String, String> seen = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> running3 = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            running3.add(clients.submit(() -> send(running, answered, failures, seen)));
        }
        try {
            for (int i = 1; i <= RELOADS; i++) {
                int threshold = i % 2 == 1 ? 16 : 15;
                PolicyEdits.sev1Threshold(rules, threshold);
                String version = given().post("/api/v1/policy/reload").then().statusCode(200)
                        .body("accepted", is(true)).body("changed", is(true)).extract().path("versionInForce");
                severityByVersion.put(version, threshold == 15 ? "SEV1" : "SEV2");
            }
        } finally {
            running.set(false);
            for (Future<?> f : running3) {
                f.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
        System.out.printf("%d decisions answered during %d reloads, %d failed%n", answered.get(), RELOADS, failures.size());
        assertTrue(failures.isEmpty(), () -> "failed requests: " + failures);
        assertTrue(answered.get() > RELOADS, "the clients kept deciding");
        seen.forEach((version, severity) -> assertEquals(severityByVersion.get(version), severity,
                "an answer naming " + version + " was decided by that version"));
        assertTrue(seen.size() > 1, "answers came from more than one version");
    }

    @Test
    void repeatedReloadsReleaseRetiredPolicies() throws Exception {
        List<WeakReference<PolicyEngine>> retired = new ArrayList<>();
        List<ReleaseId> modules = new ArrayList<>();
        for (int i = 0; i < RETIRED; i++) {
            PolicyEngine inForce = policies.current();
            retired.add(new WeakReference<>(inForce));
            modules.add(inForce.policy().releaseId());
            inForce = null;
            PolicyEdits.sev1Threshold(rules, i % 2 == 0 ? 17 : 18);
            given().post("/api/v1/policy/reload").then().statusCode(200).body("changed", is(true));
        }
        for (ReleaseId module : modules) {
            assertNull(KieServices.Factory.get().getRepository().getKieModule(module), module.toString());
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (retired.stream().anyMatch(r -> r.get() != null) && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        long kept = retired.stream().filter(r -> r.get() != null).count();
        assertEquals(0, kept, kept + " of " + RETIRED + " retired policy engines are still reachable");
    }

    private void send(AtomicBoolean running, AtomicLong answered, Set<String> failures, Map<String, String> seen) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(decisions).header("Content-Type", "application/json")
                .header("Authorization", com.incidents.severity.support.DefaultCredentials.header())
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(SIXTEEN_REPORTS)).build();
        while (running.get()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher m = ANSWER.matcher(response.body());
                if (response.statusCode() != 200 || !m.find()) {
                    failures.add(response.statusCode() + " " + response.body());
                } else {
                    seen.merge(m.group(2), m.group(1), (a, b) -> a.equals(b) ? a : a + "," + b);
                    answered.incrementAndGet();
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }
}
