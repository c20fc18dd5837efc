package com.incidents.severity.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PackagedService;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.Fixture;

/**
 * The packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}): {@code validate}
 * checks a folder and exits without serving, and without arguments the service starts as before.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));

    @Test
    void validateAcceptsTheShippedRulesWithoutStartingTheServer() throws Exception {
        Result result = run(List.of("validate", "rules"));
        assertEquals(0, result.code, result.out);
        assertTrue(result.out.contains("ACCEPTED: "), result.out);
        assertFalse(result.out.contains("Listening on"), result.out);
    }

    @Test
    void validateRefusesAnOverlapWithExitCode1() throws Exception {
        Path rules = Fixture.copyWithEdit(PolicyEdits.DMN, dmn -> dmn.replace("<text>(5..15]</text>", "<text>[5..15]</text>"));
        Result result = run(List.of("validate", rules.toString()));
        assertEquals(1, result.code, result.out);
        assertTrue(result.out.contains("Overlap detected"), result.out);
        assertTrue(result.out.contains("REFUSED: "), result.out);
    }

    @Test
    void withoutArgumentsTheServiceStartsAndBecomesReady() throws Exception {
        // Its audit database goes under target/, not into ./data of the clone.
        Path heads = Files.createTempDirectory("packaged-jar-heads-").resolve("heads.jsonl");
        Process service = new ProcessBuilder("java", PackagedService.EXIT_ON_OOM, "-Dquarkus.http.port=0",
                "-Dseverity.audit.data-dir=" + Files.createTempDirectory("packaged-jar-audit-"),
                "-Dseverity.audit.heads.export-file=" + heads, "-Dseverity.audit.heads.interval=1h",
                "-Dquarkus.security.users.embedded.plain-text=true", "-Dquarkus.security.users.embedded.users.it=it",
                "-Dquarkus.security.users.embedded.roles.it=decision-client", "-jar", JAR.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            // The packaged service logs JSON lines (prod): the URL ends at the message's closing quote.
            Pattern listening = Pattern.compile("Listening on: (http://[^\\s\",]+)");
            String url = null;
            long deadline = System.currentTimeMillis() + 60_000;
            StringBuilder log = new StringBuilder();
            for (String line; url == null && System.currentTimeMillis() < deadline && (line = out.readLine()) != null;) {
                log.append(line).append('\n');
                Matcher m = listening.matcher(line);
                url = m.find() ? m.group(1).replace("0.0.0.0", "127.0.0.1") : null;
            }
            assertNotNull(url, "the service said where it listens");
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            // The console's form mechanism starts on its first request; its key must not be printed
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/ui/decisions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> decided = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/decisions")).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("it:it".getBytes()))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":5000}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, decided.statusCode(), decided.body());
            service.toHandle().destroy(); // SIGTERM, leaving this end of its output open (Process.destroy closes it)
            StringBuilder rest = new StringBuilder(log);
            for (String line; (line = out.readLine()) != null;) {
                rest.append(line).append('\n');
            }
            assertFalse(rest.toString().contains("temporary key"), rest.toString());
            assertTrue(rest.toString().contains("No console session key is configured"), rest.toString());
            // The hourly export ran only at start, before the decision: the head that holds it was
            // exported as the service stopped.
            List<String> exported = Files.readAllLines(heads);
            assertTrue(!exported.isEmpty() && exported.get(exported.size() - 1).matches(".*\"seq\":[1-9].*"),
                    "the last exported head holds the decision: " + exported);
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsWithoutStartingTheService() throws Exception {
        for (String help : List.of("--help", "-h")) {
            Result result = run(List.of(help));
            assertEquals(0, result.code, result.out);
            assertTrue(result.out.startsWith("usage: java -jar target/quarkus-app/quarkus-run.jar"), result.out);
            assertFalse(result.out.contains("Listening on"), result.out);
        }
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheUsage() throws Exception {
        Result result = run(List.of("--halp"));
        assertEquals(2, result.code, result.out);
        assertTrue(result.out.contains("Unknown argument: --halp"), result.out);
        assertFalse(result.out.contains("Listening on"), result.out);
    }

    private record Result(int code, String out) {
    }

    private static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", PackagedService.EXIT_ON_OOM, "-jar", JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command exits");
        return new Result(process.exitValue(), out);
    }
}
