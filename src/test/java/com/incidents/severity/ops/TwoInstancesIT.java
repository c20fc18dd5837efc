package com.incidents.severity.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PackagedService;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.webhook.Receiver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two packaged instances on one real PostgreSQL, as deployed (the postgresql profile on top of prod,
 * the application role of deploy/postgres/init, Flyway as the schema owner), sharing one watched
 * policy folder, with client-side round-robin in front. Decisions go to both; an edit of the shared
 * folder reaches both within the documented time; the audit chain verifies on either with every
 * answered decision in it and no gap.
 */
class TwoInstancesIT {

    /**
     * README, "Several replicas": a saved change is served by every replica within this time (about a
     * second on a quiet machine; two cold instances reloading at once on a loaded 2-core builder took 9.6 s).
     */
    private static final long AGREE_WITHIN_MS = 30_000;
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long after it is opened each C1 outage of the publish test reaches 2 hours. */
    private static final Duration ESCALATION_IN = Duration.ofSeconds(25);
    private static final int INCIDENTS_PER_KIND = 10;
    private static final String SESSION_KEY = "two-instances-it-session-key-" + java.util.UUID.randomUUID();

    @Test
    void twoReplicasShareOneChainAndAgreeOnThePolicy() throws Exception {
        Path work = Files.createTempDirectory("two-instances-");
        Path rules = Fixture.copy();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres"; // no user in it: each role logs in as itself
            createRoles(url);
            List<Process> instances = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    int port = freePort();
                    bases.add("http://localhost:" + port);
                    instances.add(start(url, rules, work.resolve("instance-" + i), port));
                }
                for (int i = 0; i < 2; i++) {
                    awaitReady(bases.get(i), instances.get(i), work.resolve("instance-" + i));
                }
                Set<String> answered = new HashSet<>();
                String before = decideRoundRobin(bases, 40, answered);
                assertEquals(Fixture.files().version(), before);

                long t0 = System.nanoTime();
                PolicyEdits.sev1Threshold(rules, 16); // one save into the shared folder
                List<String> versions = awaitNewVersion(bases, before);
                long agreedMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(versions.get(0), versions.get(1), "both replicas serve the same version");
                System.out.printf("Both replicas served %s %d ms after the save%n", versions.get(0), agreedMs);
                for (String base : bases) {
                    JsonNode d = JSON.readTree(post(base + "/api/v1/decisions", PolicyEdits.SIXTEEN_REPORTS).body());
                    assertEquals("SEV2", d.get("severity").asText(), base + " decides with the edit");
                    answered.add(d.get("decisionId").asText());
                }
                assertEquals(versions.get(0), decideRoundRobin(bases, 40, answered));

                for (String base : bases) { // the one chain verifies whole on either, every decision in it
                    JsonNode report = JSON.readTree(get(base + "/api/v1/audit/verify").body());
                    assertTrue(report.get("valid").asBoolean(), report.toString());
                    // the chain holds every decision and each replica's policy change records (startup, reload)
                    long changes = JSON.readTree(get(base + "/api/v1/policy/changes").body()).get("items").size();
                    assertTrue(changes >= 2, "each replica's startup is a change record");
                    assertEquals(answered.size() + changes, report.get("checked").asLong(), "no gap, nothing extra: " + report);
                    assertEquals(1, report.get("fromSeq").asLong());
                }
                Set<String> exported = new HashSet<>();
                for (String line : get(bases.get(1) + "/api/v1/decisions/export").body().split("\n")) {
                    exported.add(JSON.readTree(line).get("decisionId").asText());
                }
                assertEquals(answered, exported);

                // Production settings: Swagger UI off, JSON log lines.
                assertEquals(404, get(bases.get(0) + "/q/swagger-ui/").statusCode());
                for (String line : Files.readAllLines(work.resolve("instance-0/service.log"))) {
                    if (line.startsWith("{")) {
                        JSON.readTree(line);
                    }
                }
                assertTrue(Files.readAllLines(work.resolve("instance-0/service.log")).stream()
                        .anyMatch(l -> l.startsWith("{") && l.contains("Watching")), "JSON log lines in prod");

                consoleAcrossReplicas(bases.get(0), bases.get(1));
            } finally {
                for (Process p : instances) {
                    p.destroy();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
            try (Connection app = DriverManager.getConnection(url, "severity_app", "app-secret");
                    Statement s = app.createStatement()) { // the application's role cannot change the schema
                assertThrows(SQLException.class, () -> s.execute("CREATE TABLE intruder (id INT)"));
                assertThrows(SQLException.class, () -> s.execute("DROP TABLE decision_record"));
                assertEquals("severity_owner", AuditDbOwner.of(app, "decision_record"), "Flyway migrated as the owner");
            }
        }
    }

    /**
     * Issue 18, several replicas: each replica serves a folder of its own, so only the database can
     * tell B of a publish on A. A draft made on A is approved on B by a second editor and published on
     * A; B serves the new version within 5 s, and the chain holds one publish record, not one per replica.
     */
    @Test
    void aPublishOnOneReplicaIsInForceOnBothWithinFiveSeconds() throws Exception {
        Path work = Files.createTempDirectory("two-instances-publish-");
        Path edited = Fixture.copy();
        PolicyEdits.sev1Threshold(edited, 16);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); Receiver receiver = new Receiver()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            createRoles(url);
            List<Process> instances = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    int port = freePort();
                    bases.add("http://localhost:" + port);
                    instances.add(start(url, Fixture.copy(), work.resolve("instance-" + i), port));
                }
                for (int i = 0; i < 2; i++) {
                    awaitReady(bases.get(i), instances.get(i), work.resolve("instance-" + i));
                }
                String before = decideRoundRobin(bases, 4, new HashSet<>());
                HttpResponse<String> subscribed = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(0) + "/api/v1/subscriptions"))
                        .header("Authorization", AUTH).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url("/hooks") + "\",\"events\":"
                                + JSON.writeValueAsString(com.incidents.severity.incident.service.IncidentEvents.TYPES)
                                + ",\"secret\":\"two-instances-secret-0123456789\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, subscribed.statusCode(), subscribed.body());
                List<String> escalating = openIncidents(bases);
                var draft = io.restassured.RestAssured.given().auth().preemptive().basic("admin", "admin")
                        .multiPart("comment", "SEV1 from 17 partner reports");
                Path original = Fixture.copy();
                try (var files = Files.walk(edited)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        Path rel = edited.relativize(f);
                        if (!java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(original.resolve(rel)))) {
                            draft.multiPart(rel.toString().replace('\\', '/'), f.getFileName().toString(), Files.readAllBytes(f));
                        }
                    }
                }
                String id = draft.post(bases.get(0) + "/api/v1/policy/drafts").then().statusCode(201).extract().path("id");
                io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "reviewer")
                        .contentType("application/json").body("{\"comment\":\"agreed\"}")
                        .post(bases.get(1) + "/api/v1/policy/drafts/" + id + "/approve").then().statusCode(200);
                String published = io.restassured.RestAssured.given().auth().preemptive().basic("admin", "admin")
                        .post(bases.get(0) + "/api/v1/policy/drafts/" + id + "/publish").then().statusCode(200)
                        .extract().path("version");
                long t0 = System.nanoTime();
                String onB = versions(List.of(bases.get(1))).get(0);
                while (!onB.equals(published) && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
                    Thread.sleep(50); // polling with a deadline
                    onB = versions(List.of(bases.get(1))).get(0);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("B served the version published on A %d ms after the publish answered%n", ms);
                assertEquals(published, onB, "B follows the publish on A");
                assertNotEquals(before, published);
                for (String base : bases) {
                    JsonNode d = JSON.readTree(post(base + "/api/v1/decisions", PolicyEdits.SIXTEEN_REPORTS).body());
                    assertEquals("SEV2", d.get("severity").asText(), base + " decides with the published edit");
                    assertEquals(published, d.get("policyVersion").asText());
                }
                JsonNode changes = JSON.readTree(get(bases.get(1) + "/api/v1/policy/changes").body()).get("items");
                long publishes = 0;
                for (JsonNode c : changes) {
                    publishes += "PUBLISH".equals(c.path("kind").asText()) ? 1 : 0;
                }
                assertEquals(1, publishes, "one publish record for the deployment: " + changes);
                dueWorkDoneOnce(bases, escalating, published);
                eventsDeliveredOnce(bases.get(1), escalating, receiver);
                assertTrue(JSON.readTree(get(bases.get(1) + "/api/v1/audit/verify").body()).get("valid").asBoolean());
                assertTrue(ms <= 5_000, "in force on B within 5 s of the publish, took " + ms + " ms");
            } finally {
                for (Process p : instances) {
                    p.destroy();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * Issue 20, several replicas: incidents opened alternately on each replica, half of them C1 outages
     * reaching 2 hours {@link #ESCALATION_IN} later (SEV2 now, SEV1 then), half with 16 partner reports
     * (SEV1 now, SEV2 under the edit to be published). Returns the keys of all of them.
     */
    private static List<String> openIncidents(List<String> bases) throws Exception {
        List<String> keys = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < 2 * INCIDENTS_PER_KIND; i++) {
            String key = "TWO-" + run + "-" + i;
            String body = i % 2 == 0
                    ? "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                            + java.time.Instant.now().plus(ESCALATION_IN).minus(Duration.ofHours(2)).truncatedTo(
                                    java.time.temporal.ChronoUnit.SECONDS) + "\"}"
                    : PolicyEdits.SIXTEEN_REPORTS;
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(i % 2) + "/api/v1/incidents/" + key))
                    .header("Authorization", AUTH).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            assertEquals(i % 2 == 0 ? "SEV2" : "SEV1", JSON.readTree(r.body()).get("severity").asText(), r.body());
            keys.add(key);
        }
        return keys;
    }

    /**
     * Both replicas poll the one database for due work: each incident is re-decided under the published
     * version once (trigger POLICY), each C1 outage is escalated once when it reaches 2 hours (trigger
     * TIME), whichever replica claims it, and no event is written twice.
     */
    private static void dueWorkDoneOnce(List<String> bases, List<String> keys, String published) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (int i = 0; i < keys.size(); i++) {
            boolean outage = i % 2 == 0;
            JsonNode timeline;
            do {
                timeline = JSON.readTree(get(bases.get(i % 2) + "/api/v1/incidents/" + keys.get(i) + "/timeline").body());
            } while (timeline.get("decisions").size() < (outage ? 3 : 2) && System.nanoTime() < deadline && pause());
        }
        Thread.sleep(3_000); // two more polls of each replica: a duplicate claim would show by now
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean outage = i % 2 == 0;
            JsonNode timeline = JSON.readTree(get(bases.get((i + 1) % 2) + "/api/v1/incidents/" + keys.get(i) + "/timeline").body());
            List<String> triggers = new ArrayList<>();
            timeline.get("decisions").forEach(d -> triggers.add(d.get("trigger").asText()));
            assertEquals(1, triggers.stream().filter("POLICY"::equals).count(), keys.get(i) + ": " + triggers);
            assertEquals(outage ? 1 : 0, triggers.stream().filter("TIME"::equals).count(), keys.get(i) + ": " + triggers);
            assertEquals(outage ? 3 : 2, triggers.size(), keys.get(i) + ": " + triggers);
            JsonNode incident = JSON.readTree(get(bases.get(i % 2) + "/api/v1/incidents/" + keys.get(i)).body());
            assertEquals(published, incident.get("policyVersion").asText());
            assertEquals(outage ? "SEV1" : "SEV2", incident.get("severity").asText(), incident.toString());
            for (JsonNode e : timeline.get("events")) {
                assertTrue(eventIds.add(e.get("id").asText()), "each event once: " + e);
            }
        }
        System.out.printf("%d incidents on two replicas: each re-decided once under %s, each outage escalated once%n",
                keys.size(), published);
    }

    /**
     * Both replicas fan the one outbox out and send: the webhook receiver gets every event of the
     * incidents once (nothing failed, so the at-least-once contract allows no repeat), each
     * incident's in the order of its timeline.
     */
    private static void eventsDeliveredOnce(String base, List<String> keys, Receiver receiver) throws Exception {
        java.util.Map<String, List<String>> expected = new java.util.HashMap<>();
        for (String key : keys) {
            List<String> ids = new ArrayList<>();
            JSON.readTree(get(base + "/api/v1/incidents/" + key + "/timeline").body()).get("events")
                    .forEach(e -> ids.add(e.get("id").asText()));
            expected.put(key, ids);
        }
        long all = expected.values().stream().mapToLong(List::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receiver.at("/hooks").size() < all && System.nanoTime() < deadline && pause()) {
            // polling with a deadline
        }
        Thread.sleep(2_000); // two more looks of each replica: a repeated delivery would show by now
        java.util.Map<String, List<String>> arrived = new java.util.HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Receiver.Received r : receiver.at("/hooks")) {
            JsonNode event = JSON.readTree(r.body());
            assertTrue(seen.add(event.get("id").asText()), "each event delivered once: " + r.body());
            arrived.computeIfAbsent(event.get("subject").asText(), k -> new ArrayList<>()).add(event.get("id").asText());
        }
        for (String key : keys) {
            assertEquals(expected.get(key), arrived.get(key), key + ": every event, in order");
        }
        System.out.printf("%d events of %d incidents delivered by two replicas, each once, in order per incident%n",
                all, keys.size());
    }

    private static boolean pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L); // polling with a deadline
        return true;
    }

    /**
     * A browser behind a balancer that sends each request to either replica: it signs in on A with
     * the sign-in form's token, posts A's try form to B (accepted: one key for the deployment), signs
     * out on B, and then a copy of its cookies is refused on A (the session ended in the shared database).
     */
    private static void consoleAcrossReplicas(String a, String b) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(2)).build(); // cookies ignore ports: both replicas get them
        String token = field(page(browser, a + "/ui/login", 200), "sign-in-token");
        HttpResponse<String> signIn = form(browser, a + "/j_security_check",
                "j_username=admin&j_password=admin&sign-in-token=" + token);
        assertEquals(302, signIn.statusCode(), signIn.headers().toString());
        assertTrue(signIn.headers().firstValue("Location").orElse("").endsWith("/ui/home"), signIn.headers().toString());

        String csrf = field(page(browser, a + "/ui/try", 200), "csrf-token");
        HttpResponse<String> decided = form(browser, b + "/ui/try", "csrf-token=" + csrf + "&partnerReports=16");
        assertEquals(200, decided.statusCode(), decided.body());
        assertTrue(decided.body().contains("id=\"answer-severity\""), "B answered A's form: " + decided.body());

        String copy = cookies(browser, a);
        assertEquals(200, withCookies(a + "/ui/try", copy).statusCode(), "the copy works while signed in");
        HttpResponse<String> out = form(browser, b + "/ui/logout", "csrf-token=" + csrf);
        assertEquals(303, out.statusCode(), out.body());
        HttpResponse<String> stolen = withCookies(a + "/ui/try", copy);
        assertEquals(302, stolen.statusCode(), "a copied cookie is refused on A after sign-out on B");
        assertTrue(stolen.headers().firstValue("Location").orElse("").endsWith("/ui/login"), stolen.headers().toString());
    }

    private static String page(HttpClient client, String url, int status) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private static HttpResponse<String> form(HttpClient client, String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> withCookies(String url, String cookies) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookies(HttpClient client, String base) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).reduce((x, y) -> x + "; " + y).orElse("");
    }

    /** The value of the hidden field {@code name} of a page. */
    private static String field(String html, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in " + html);
        return m.group(1);
    }

    /** Who owns a table. */
    private static final class AuditDbOwner {
        static String of(Connection c, String table) throws SQLException {
            try (var s = c.prepareStatement("SELECT tableowner FROM pg_tables WHERE tablename = ?")) {
                s.setString(1, table);
                try (var rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }
    }

    /** The roles of deploy/postgres/init/10-roles.sh, with the grants of its grants.sql.inc. */
    private static void createRoles(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE severity_owner LOGIN PASSWORD 'owner-secret'");
            s.execute("CREATE ROLE severity_app LOGIN PASSWORD 'app-secret'");
            String grants = Files.readString(Path.of("deploy/postgres/init/grants.sql.inc"));
            for (String statement : grants.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static Process start(String url, Path rules, Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        File jar = new File(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(jar.exists(), "run ./mvnw verify so that the packaged service exists");
        List<String> command = new java.util.ArrayList<>(PackagedService.launch());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.profile=postgresql",
                "-Dquarkus.datasource.\"postgresql\".jdbc.url=" + url,
                "-Dquarkus.datasource.\"postgresql\".username=severity_app",
                "-Dquarkus.datasource.\"postgresql\".password=app-secret",
                "-Dquarkus.flyway.\"postgresql\".username=severity_owner",
                "-Dquarkus.flyway.\"postgresql\".password=owner-secret",
                "-Dquarkus.http.auth.session.encryption-key=" + SESSION_KEY, // one key for the deployment
                "-Dseverity.rules.dir=" + rules, "-Dseverity.audit.data-dir=" + dir,
                "-Dquarkus.security.users.embedded.plain-text=true",
                "-Dseverity.webhooks.allowed-hosts=127.0.0.1", // the tests' local webhook receiver
                "-Dquarkus.security.users.embedded.users.admin=admin",
                "-Dquarkus.security.users.embedded.roles.admin=decision-client,policy-editor,auditor",
                "-Dquarkus.security.users.embedded.users.reviewer=reviewer", // a second editor, to approve
                "-Dquarkus.security.users.embedded.roles.reviewer=policy-editor",
                "-jar", jar.getAbsolutePath()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile())
                .start();
    }

    private static void awaitReady(String base, Process p, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (get(base + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250); // polling with a deadline
        }
        throw new AssertionError("instance at " + base + " did not become ready:\n"
                + Files.readString(dir.resolve("service.log")));
    }

    /** Sends {@code count} decisions alternately to each instance; returns the policy version they were made with. */
    private static String decideRoundRobin(List<String> bases, int count, Set<String> answered) throws Exception {
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = post(bases.get(i % bases.size()) + "/api/v1/decisions",
                    "{\"partnerReports\":" + (i % 20) + "}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode d = JSON.readTree(r.body());
            answered.add(d.get("decisionId").asText());
            versions.add(d.get("policyVersion").asText());
        }
        assertEquals(1, versions.size(), "one version served by both: " + versions);
        return versions.iterator().next();
    }

    private static List<String> awaitNewVersion(List<String> bases, String old) throws Exception {
        long deadline = System.currentTimeMillis() + AGREE_WITHIN_MS;
        List<String> versions = versions(bases);
        while (versions.contains(old) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // polling with a deadline
            versions = versions(bases);
        }
        for (String v : versions) {
            assertNotEquals(old, v, "every replica serves the saved change within " + AGREE_WITHIN_MS + " ms");
        }
        return versions;
    }

    private static List<String> versions(List<String> bases) throws Exception {
        List<String> versions = new ArrayList<>();
        for (String base : bases) {
            versions.add(JSON.readTree(get(base + "/api/v1/policy").body()).get("version").asText());
        }
        return versions;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
