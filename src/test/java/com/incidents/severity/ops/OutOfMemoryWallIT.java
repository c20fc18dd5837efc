package com.incidents.severity.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Hostile;
import com.incidents.severity.support.PackagedService;

/**
 * The hard wall: the packaged jar, launched as the image launches it (-XX:+ExitOnOutOfMemoryError),
 * ends its process on an OutOfMemoryError instead of staying up deaf. With the evaluation bounds
 * turned off by configuration (the one path to an OOM that remains), a preview of a policy whose
 * decisions double a string exhausts a 384 MB heap; the process must exit, with the JVM's code 3,
 * within a minute. With the bounds as configured by default, the same preview on the same heap is
 * refused (422 naming the limit) and the service goes on answering.
 */
class OutOfMemoryWallIT {

    private static final String HEAP = "-Xmx384m";

    @Test
    void withTheBoundsTheDoublingPolicyIsRefusedAndTheServiceAnswers() throws Exception {
        Path data = Files.createTempDirectory("oom-bounded-");
        List<String> options = new ArrayList<>(PackagedService.TEST_USERS);
        options.add(HEAP);
        try (PackagedService service = PackagedService.start(data, PackagedService.freePort(), options)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(preview(service),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(422, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("severity.evaluation.max-value-length"), answer.body());
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url() + "/q/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            assertTrue(service.exitCode(Duration.ZERO).isEmpty(), "the service exited");
        }
    }

    @Test
    void anOutOfMemoryErrorEndsTheProcess() throws Exception {
        Path data = Files.createTempDirectory("oom-wall-");
        List<String> options = new ArrayList<>(PackagedService.TEST_USERS);
        options.addAll(List.of(HEAP, "-Dseverity.evaluation.max-value-length=2147483647",
                "-Dseverity.evaluation.max-allocated-bytes=0", "-Dseverity.preview.time-limit=300s"));
        try (PackagedService service = PackagedService.start(data, PackagedService.freePort(), options)) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(preview(service),
                        HttpResponse.BodyHandlers.ofString());
                // an answer is fine only if the process is on its way out; it must not be a report
                assertTrue(answer.statusCode() != 200, "the preview of the doubling policy succeeded: " + answer.body());
            } catch (java.io.IOException connectionDropped) {
                // expected: the process exited while the preview ran
            }
            OptionalInt code = service.exitCode(Duration.ofSeconds(60));
            assertTrue(code.isPresent(), "the service is still running after an OutOfMemoryError: " + tail(service.log()));
            assertEquals(3, code.getAsInt(), tail(service.log()));
            assertTrue(service.log().contains("Terminating due to java.lang.OutOfMemoryError"), tail(service.log()));
        }
    }

    /** A preview, as an editor, of the packaged rules with a chain of 40 doubling decisions added. */
    private static HttpRequest preview(PackagedService service) throws Exception {
        String dmn = Hostile.doublingChain(Files.readString(Path.of("rules/incident-severity.dmn")), 40);
        String boundary = "oom-wall-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"incident-severity.dmn\";"
                + " filename=\"incident-severity.dmn\"\r\nContent-Type: application/xml\r\n\r\n" + dmn + "\r\n--"
                + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/policy/preview"))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "editor:editor".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
