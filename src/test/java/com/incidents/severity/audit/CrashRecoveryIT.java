package com.incidents.severity.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PackagedService;

/**
 * Nothing acknowledged is lost: the packaged service is killed with SIGKILL in the middle of a
 * burst, started again on the same data, and every decision id it had answered is in the trail.
 */
class CrashRecoveryIT {

    private static final Pattern ID = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");
    private static final String CLIENT = basic("client:client");
    private static final String AUDITOR = basic("auditor:auditor");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedDecisionSurvivesSigkill() throws Exception {
        Path data = Files.createTempDirectory("crash-audit-");
        int port = freePort();
        Process service = start(data, port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    try {
                        String body = "{\"partnerReports\":" + (i++ % 20) + ",\"capabilityTier\":\"C" + (1 + client % 3)
                                + "\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":" + (i % 400) + "}";
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/v1/decisions")).header("Content-Type", "application/json")
                                .header("Authorization", CLIENT)
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            Matcher m = ID.matcher(r.body());
                            if (m.find()) {
                                acknowledged.add(m.group(1));
                            }
                        }
                    } catch (Exception e) {
                        // the service is gone: keep trying until the test stops the clients
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 3000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        service.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(500);
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        Set<String> answered = new HashSet<>(acknowledged);
        assertTrue(answered.size() >= 1000, "the burst was under way when the service died: " + answered.size());

        Process restarted = start(data, port);
        try {
            String export = get(port, "/api/v1/decisions/export?format=jsonl");
            Set<String> recorded = new HashSet<>();
            Matcher m = ID.matcher(export);
            while (m.find()) {
                recorded.add(m.group(1));
            }
            Set<String> lost = new HashSet<>(answered);
            lost.removeAll(recorded);
            assertEquals(Set.of(), lost, answered.size() + " acknowledged, " + recorded.size() + " recorded");
            assertTrue(get(port, "/api/v1/audit/verify").contains("\"valid\":true"), "the chain is intact");
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Process start(Path data, int port) throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        assertTrue(jar.exists(), "run ./mvnw verify so that the packaged service exists");
        List<String> command = new java.util.ArrayList<>(PackagedService.launch());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dseverity.audit.data-dir=" + data.toAbsolutePath()));
        command.addAll(PackagedService.TEST_USERS); // users given at run time, as an operator would
        command.addAll(List.of("-jar", jar.getAbsolutePath()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/q/health/ready").contains("\"UP\"")) {
                    return p;
                }
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the service did not become ready: " + Files.readString(data.resolve("service.log")));
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AUDITOR).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
