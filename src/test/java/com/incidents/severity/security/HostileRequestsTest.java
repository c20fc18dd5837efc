package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client sends is answered, with a 4xx problem, never a 500 and never silence: malformed
 * Basic credentials, and paths with {@code ;} parameters, which Vert.x and the sign-in challenge
 * once left without an answer. Each request has a time limit, so a silence fails the test.
 */
@QuarkusTest
class HostileRequestsTest {

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedBasicCredentialsAreA401Problem() throws Exception {
        for (String header : List.of("Basic !!!not-base64!!!", "Basic " + b64("no-colon-here"), "Basic ",
                "Basic " + b64(":"), "Basic " + b64("\u0000:\u0000"), "Basic", "Basic  " + b64("client:client") + "==")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(root.resolve("/api/v1/ping"))
                    .header("Authorization", header));
            assertEquals(401, answer.statusCode(), header + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    header + ": " + answer.headers());
        }
    }

    @Test
    void pathsWithParametersAreAnsweredWithAProblem() throws Exception {
        for (String path : List.of("/api;x=1/v1/policy", "/api/v1;x=1/policy", "/api/v1/policy;x=1", "/ui;x=1/decisions",
                "/api;/v1/ping", "/;x=1")) {
            for (boolean signedIn : List.of(false, true)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path));
                if (signedIn) {
                    request.header("Authorization", "Basic " + b64("admin:admin"));
                }
                HttpResponse<String> answer = send(request);
                assertEquals(400, answer.statusCode(),
                        path + (signedIn ? " (signed in)" : "") + ": " + answer.statusCode() + " " + answer.body());
                assertTrue(answer.body().contains("/problems/path-parameters"), path + ": " + answer.body());
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
