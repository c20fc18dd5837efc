package com.incidents.severity.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.support.PackagedService;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Retention dies between its archive and its prune, as a process dies: the packaged service, on a
 * real PostgreSQL, writes and fsyncs the archive and then waits for the chain head row, which this
 * test holds locked; once its prune is seen waiting for that lock, the service is killed with
 * SIGKILL. Started again, it archives the same range to the same file and prunes: every record is
 * in the archive the checkpoint names, nothing twice, and the chain verifies, against the head it
 * exported before the crash too.
 */
class RetentionCrashIT {

    private static final String CLIENT = basic("client:client");
    private static final String AUDITOR = basic("auditor:auditor");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 30;

    @Test
    void retentionKilledBetweenArchiveAndPruneLosesNothingAndRunsAgain() throws Exception {
        Path work = Files.createTempDirectory("retention-crash-");
        Path archive = work.resolve("data/archive");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            int port = freePort();
            Set<String> decided = new HashSet<>();
            Process first = start(url, work, port, false);
            try {
                for (int i = 0; i < RECORDS; i++) {
                    HttpResponse<String> r = send(port, "/api/v1/decisions", CLIENT, "{\"partnerReports\":" + (i % 20) + "}");
                    assertEquals(200, r.statusCode(), r.body());
                    decided.add(JSON.readTree(r.body()).get("decisionId").asText());
                }
            } finally {
                first.destroy();
                first.waitFor(30, TimeUnit.SECONDS);
            }
            // the chain holds the decisions and the first start's policy change record
            long chained = count(url, "SELECT COUNT(*) FROM decision_record");
            assertEquals(RECORDS + 1, chained, "the decisions and one startup change record");

            try (Connection lock = DriverManager.getConnection(url, "postgres", "postgres")) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.executeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
                }
                Process crashed = start(url, work, port, true);
                try {
                    await(() -> pruneWaitsForTheHead(url) && lastHeadSeq(work) == chained,
                            "retention's prune waiting for the chain head, the head exported", crashed, work);
                    assertTrue(Files.exists(archive.resolve("decisions-1-" + chained + ".jsonl.gz")),
                            "the archive is in place before the prune");
                } finally {
                    crashed.destroyForcibly(); // SIGKILL: between the archive and the prune
                    crashed.waitFor(30, TimeUnit.SECONDS);
                }
                lock.rollback();
            }
            assertEquals(chained, count(url, "SELECT COUNT(*) FROM decision_record"), "nothing was pruned");
            assertEquals(0, count(url, "SELECT COUNT(*) FROM audit_checkpoint"));
            List<String> heads = Files.readAllLines(work.resolve("heads/heads.jsonl"));
            String exportedBeforeTheCrash = heads.get(heads.size() - 1);
            assertEquals(chained, JSON.readTree(exportedBeforeTheCrash).get("seq").asLong());

            Process restarted = start(url, work, port, true);
            try {
                // the restarted service records its own startup change too, before or after retention runs
                await(() -> count(url, "SELECT COUNT(*) FROM audit_checkpoint WHERE seq >= " + chained) >= 1,
                        "the checkpoint after the restart", restarted, work);
                assertEquals(0, count(url, "SELECT COUNT(*) FROM decision_record WHERE seq <= " + chained));
                List<String> files = new ArrayList<>();
                try (var list = Files.list(archive)) {
                    list.forEach(f -> files.add(f.getFileName().toString()));
                }
                assertTrue(files.contains("decisions-1-" + chained + ".jsonl.gz"), "the archive made before the crash: " + files);
                assertTrue(files.stream().allMatch(f -> f.matches("decisions-\\d+-\\d+\\.jsonl\\.gz")), "no partial left: " + files);
                List<String> archived = new ArrayList<>();
                for (String f : files) {
                    archived.addAll(archivedIds(archive.resolve(f)));
                }
                assertEquals(archived.size(), new HashSet<>(archived).size(), "each record once");
                assertTrue(archived.containsAll(decided), "every decision is in the archive");

                JsonNode report = JSON.readTree(send(port, "/api/v1/audit/verify", AUDITOR, null).body());
                assertTrue(report.get("valid").asBoolean(), report.toString());
                assertTrue(report.get("checkpointSeq").asLong() >= chained, report.toString());
                JsonNode against = JSON.readTree(send(port, "/api/v1/audit/verify", AUDITOR, exportedBeforeTheCrash).body());
                assertTrue(against.get("valid").asBoolean(), against.toString());
                assertEquals(chained, against.get("exportedHeadSeq").asLong());
            } finally {
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean pruneWaitsForTheHead(String url) {
        try {
            return count(url, "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE '%audit_chain_head%FOR UPDATE%'") > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static long lastHeadSeq(Path work) throws Exception {
        Path file = work.resolve("heads/heads.jsonl");
        if (!Files.exists(file)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? -1 : JSON.readTree(lines.get(lines.size() - 1)).get("seq").asLong();
    }

    private static List<String> archivedIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                JsonNode record = JSON.readTree(JSON.readTree(line).get("record").asText());
                ids.add(record.has("decisionId") ? record.get("decisionId").asText() : record.get("changeId").asText());
            }
        }
        return ids;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls {@code condition} until it holds (60 s at most). */
    private static void await(Check condition, String what, Process service, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new AssertionError("no " + what + ": " + Files.readString(work.resolve("service.log")));
            }
            Thread.sleep(100); // polling the database, up to the deadline
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static Process start(String url, Path work, int port, boolean retention) throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        assertTrue(jar.exists(), "run ./mvnw verify so that the packaged service exists");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.profile=postgresql",
                "-Dquarkus.datasource.\"postgresql\".jdbc.url=" + url,
                "-Dquarkus.datasource.\"postgresql\".username=postgres",
                "-Dquarkus.datasource.\"postgresql\".password=postgres",
                "-Dseverity.audit.data-dir=" + work.resolve("data"),
                "-Dseverity.audit.signing.key-file=" + work.resolve("keys/signing-key.pem"),
                "-Dseverity.audit.heads.export-file=" + work.resolve("heads/heads.jsonl"),
                "-Dseverity.audit.heads.interval=1s"));
        if (retention) { // everything decided before now, checked every second (first after one second)
            command.addAll(List.of("-Dseverity.audit.retention.days=0", "-Dseverity.audit.retention.interval=1s"));
        }
        command.addAll(PackagedService.TEST_USERS);
        command.addAll(List.of("-jar", jar.getAbsolutePath()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile())).start();
        await(() -> {
            try {
                return send(port, "/q/health/ready", AUDITOR, null).body().contains("\"UP\"");
            } catch (Exception notYet) {
                return false;
            }
        }, "readiness", p, work);
        return p;
    }

    private static HttpResponse<String> send(int port, String path, String auth, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).timeout(Duration.ofSeconds(60));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
