package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DynamicTest;

import com.incidents.severity.support.Fixture;

/**
 * Every endpoint × (no credentials → 401, a wrong password → 401, a user without its role → 403,
 * a user with one of its roles → its documented answer), from one table, run against the service
 * at a base URL: the {@code @QuarkusTest} one ({@link AccessMatrixTest}) and the packaged jar
 * ({@link AccessMatrixIT}). Each role's user holds that role only; {@code nobody} holds none.
 */
final class AccessMatrix {

    /** The test users (application.properties %test, and the jar's run-time users in the IT). */
    static final Map<String, String> USER_OF_ROLE = Map.of(Roles.DECISION_CLIENT, "client", Roles.POLICY_EDITOR,
            "editor", Roles.AUDITOR, "auditor", Roles.INCIDENT_RESPONDER, "responder");
    static final String NOBODY = "nobody";
    static final Set<String> ANY = Set.of(Roles.DECISION_CLIENT, Roles.POLICY_EDITOR, Roles.AUDITOR);
    static final String NO_SUCH_DECISION = "00000000-0000-7000-8000-000000000000";
    static final String NO_INCIDENT = "/api/v1/incidents/NO-SUCH-INCIDENT";
    static final String DRAFT = "/api/v1/policy/drafts/00000000-0000-4000-8000-000000000000";
    static final String SUBSCRIPTION = "/api/v1/subscriptions/00000000-0000-7000-8000-000000000000";

    /** One endpoint: what to send, which roles it admits (none: open), and the answer with a right role. */
    record Call(String method, String path, String contentType, byte[] body, Set<String> roles, int answer) {

        @Override
        public String toString() {
            return method + " " + path + (contentType == null ? "" : " (" + contentType + ")");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AccessMatrix() {
    }

    static List<Call> table() {
        byte[] decision = "{\"partnerReports\":3}".getBytes(StandardCharsets.UTF_8);
        byte[] batch = "[{\"partnerReports\":3}]".getBytes(StandardCharsets.UTF_8);
        byte[] review = "{\"comment\":\"matrix\"}".getBytes(StandardCharsets.UTF_8);
        String incident = "/api/v1/incidents/MATRIX-" + java.util.UUID.randomUUID(); // created once, by its one role
        return List.of(
                new Call("PUT", incident, "application/json", decision, Set.of(Roles.DECISION_CLIENT), 201),
                new Call("PATCH", NO_INCIDENT, "application/merge-patch+json", decision, Set.of(Roles.DECISION_CLIENT), 404),
                new Call("POST", NO_INCIDENT + "/resolve", null, null, Set.of(Roles.DECISION_CLIENT), 404),
                new Call("GET", NO_INCIDENT, null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 404),
                new Call("GET", NO_INCIDENT + "/timeline", null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/incidents", null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 200),
                new Call("GET", "/api/v1/incidents/events?type=nope", null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 422),
                new Call("POST", NO_INCIDENT + "/override", "application/json",
                        "{\"severity\":\"SEV1\",\"reason\":\"matrix\"}".getBytes(StandardCharsets.UTF_8),
                        Set.of(Roles.INCIDENT_RESPONDER), 404),
                new Call("POST", NO_INCIDENT + "/override/lift", "application/json",
                        "{\"reason\":\"matrix\"}".getBytes(StandardCharsets.UTF_8),
                        Set.of(Roles.INCIDENT_RESPONDER), 404),
                // a body every deployment refuses (the prod jar allows no host): the check runs after the role's
                new Call("POST", "/api/v1/subscriptions", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                        Set.of(Roles.DECISION_CLIENT), 422),
                new Call("GET", "/api/v1/subscriptions", null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 200),
                new Call("GET", SUBSCRIPTION, null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 404),
                new Call("GET", SUBSCRIPTION + "/deliveries", null, null, Set.of(Roles.DECISION_CLIENT, Roles.AUDITOR), 404),
                new Call("DELETE", SUBSCRIPTION, null, null, Set.of(Roles.DECISION_CLIENT), 404),
                new Call("POST", "/api/v1/decisions", "application/json", decision, Set.of(Roles.DECISION_CLIENT), 200),
                new Call("POST", "/api/v1/decisions/batch", "application/json", batch, Set.of(Roles.DECISION_CLIENT), 200),
                new Call("GET", "/api/v1/ping", null, null, Set.of(Roles.DECISION_CLIENT), 200),
                new Call("POST", "/api/v1/policy/reload", null, null, Set.of(Roles.POLICY_EDITOR), 200),
                new Call("POST", "/api/v1/policy/preview", "application/zip", fixtureZip(), Set.of(Roles.POLICY_EDITOR), 200),
                new Call("POST", "/api/v1/policy/preview", "multipart/form-data; boundary=" + BOUNDARY, fixtureForm(),
                        Set.of(Roles.POLICY_EDITOR), 200),
                new Call("POST", "/api/v1/policy/drafts", "multipart/form-data; boundary=" + BOUNDARY, draftForm(),
                        Set.of(Roles.POLICY_EDITOR), 201),
                new Call("GET", "/api/v1/policy/drafts", null, null, Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 200),
                new Call("GET", DRAFT, null, null, Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 404),
                new Call("PUT", DRAFT + "/files/" + FILE, "application/xml", "<x/>".getBytes(StandardCharsets.UTF_8),
                        Set.of(Roles.POLICY_EDITOR), 404),
                new Call("DELETE", DRAFT, null, null, Set.of(Roles.POLICY_EDITOR), 404),
                new Call("POST", DRAFT + "/approve", "application/json", review, Set.of(Roles.POLICY_EDITOR), 404),
                new Call("POST", DRAFT + "/reject", "application/json", review, Set.of(Roles.POLICY_EDITOR), 404),
                new Call("POST", DRAFT + "/publish", null, null, Set.of(Roles.POLICY_EDITOR), 404),
                new Call("POST", DRAFT + "/rebase", null, null, Set.of(Roles.POLICY_EDITOR), 404),
                new Call("GET", DRAFT + "/zip", null, null, Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 404),
                new Call("GET", DRAFT + "/patch", null, null, Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/decisions", null, null, Set.of(Roles.AUDITOR), 200),
                new Call("GET", "/api/v1/decisions/" + NO_SUCH_DECISION, null, null, Set.of(Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/decisions/export?format=csv", null, null, Set.of(Roles.AUDITOR), 200),
                new Call("POST", "/api/v1/decisions/" + NO_SUCH_DECISION + "/replay", null, null, Set.of(Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/audit/verify", null, null, Set.of(Roles.AUDITOR), 200),
                new Call("GET", "/api/v1/decisions?change=" + NO_SUCH_DECISION, null, null, Set.of(Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/policy/changes", null, null, Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 200),
                new Call("GET", "/api/v1/policy/changes/" + NO_SUCH_DECISION, null, null,
                        Set.of(Roles.POLICY_EDITOR, Roles.AUDITOR), 404),
                new Call("GET", "/api/v1/capabilities", null, null, ANY, 200),
                new Call("GET", "/api/v1/policy", null, null, ANY, 200),
                new Call("GET", "/api/v1/policy/versions", null, null, ANY, 200),
                new Call("GET", "/q/health/live", null, null, Set.of(), 200),
                new Call("GET", "/q/health/ready", null, null, Set.of(), 200),
                new Call("GET", "/q/openapi", null, null, Set.of(), 200),
                new Call("GET", "/q/metrics", null, null, Set.of(), 200));
    }

    /** The matrix's tests against the service at {@code base} (no trailing slash). */
    static List<DynamicTest> tests(String base) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : table()) {
            if (call.roles().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(call + ": open", () -> {
                    assertEquals(call.answer(), send(base, call, null, null).statusCode());
                }));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(call + ": no credentials → 401", () -> unauthorized(send(base, call, null, null))));
            tests.add(DynamicTest.dynamicTest(call + ": wrong password → 401",
                    () -> unauthorized(send(base, call, USER_OF_ROLE.get(call.roles().iterator().next()), "wrong"))));
            String outsider = USER_OF_ROLE.entrySet().stream().filter(e -> !call.roles().contains(e.getKey()))
                    .map(Map.Entry::getValue).sorted().findFirst().orElse(NOBODY);
            tests.add(DynamicTest.dynamicTest(call + ": " + outsider + " → 403", () -> {
                HttpResponse<String> r = send(base, call, outsider, outsider);
                assertEquals(403, r.statusCode(), r.body());
                problem(r);
            }));
            for (String role : call.roles()) {
                String user = USER_OF_ROLE.get(role);
                tests.add(DynamicTest.dynamicTest(call + ": " + user + " → " + call.answer(), () -> {
                    HttpResponse<String> r = send(base, call, user, user);
                    assertEquals(call.answer(), r.statusCode(), r.body());
                }));
            }
        }
        return tests;
    }

    private static void unauthorized(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        problem(r);
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
        assertNotNull(challenge, "a 401 says how to authenticate");
        assertTrue(challenge.toLowerCase(java.util.Locale.ROOT).matches("(basic|bearer)\\b.*"), challenge);
    }

    private static void problem(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().map().toString());
        assertTrue(r.body().contains("\"status\":" + r.statusCode()), r.body());
    }

    static HttpResponse<String> send(String base, Call call, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(120))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String BOUNDARY = "matrix-boundary-7d3f";
    private static final String FILE = "incident-severity.dmn";

    private static byte[] fixtureZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(FILE));
            zip.write(Files.readAllBytes(Fixture.dir().resolve(FILE)));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body that starts a draft: a comment, no files. */
    static byte[] draftForm() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nthe access matrix\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body with the fixture's file as the part named by its path. */
    static byte[] fixtureForm() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + FILE + "\"; filename=\"" + FILE
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(Files.readAllBytes(Fixture.dir().resolve(FILE)));
            out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
