package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each trick an attacker plays with a request path, sent byte for byte on a raw socket (an HTTP client
 * would normalise or refuse most of them): every one is answered, within the socket's time limit,
 * with a status below 500, and none of them reaches the audit records for a caller without the
 * auditor role, or for no caller at all.
 */
@QuarkusTest
class PathTricksTest {

    /** Paths that name, or try to reach, the auditor-only record search. */
    private static final List<String> TRICKS = List.of(
            "/api/v1/decisions", // the plain path, as a control: the client role may not read records
            "/api;x=1/v1/policy", "/ui;x=1/decisions", "/ui/decisions;jsessionid=1", // once left unanswered
            "/api;x=1/v1/decisions", "/api/v1/decisions;", "/api/v1%3Bx=1/decisions", "/api/v1/decisions%3b",
            "//api/v1/decisions", "/api//v1/decisions", "/./api/v1/decisions", "/api/v1/./decisions",
            "/api/v1/ping/../decisions", "/api/v1/ping/%2e%2e/decisions", "/api/v1/ping/%2E%2E/decisions",
            "/api/v1/ping/..%2fdecisions", "/api/v1%2fdecisions", "/api/v1%2Fdecisions", "/api\\v1\\decisions",
            "/api/v1/ping/..\\decisions", "/api/v1/decisions%00", "/api/v1/%00/decisions", "/api/v1/decisions%ff",
            "/api/v1/%c0%ae%c0%ae/decisions", "/ui/../api/v1/decisions", "/ui/%2e%2e/api/v1/decisions",
            "/API/V1/DECISIONS", "/api/v1/decisions/", "/api/v1/decisions?%", "/api/v1/decisions#x",
            "/api/v1/decisions%", "/api/v1/decisions%zz", "/%61pi/v1/decisions", "/api/v1/decision%73",
            "http://localhost/api/v1/decisions", "*", "/" + "a/".repeat(2_000) + "decisions");

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyPathTrickIsAnsweredBelow500AndNeverReachesTheRecords() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(counter);
        try {
            sendEachTrick();
        } finally {
            Logger.getLogger("").removeHandler(counter);
        }
        // Logged once at most: a trick once wrote about 21 KB at ERROR for each request.
        assertTrue(logged.size() <= TRICKS.size() * 2, logged.size() + " warnings for " + TRICKS.size() * 2 + " requests");
        for (LogRecord record : logged) {
            assertTrue(String.valueOf(record.getMessage()).length() < 2_000 && record.getThrown() == null,
                    "a long or stack-traced warning: " + record.getLoggerName() + " " + record.getMessage());
        }
    }

    private void sendEachTrick() throws Exception {
        for (String path : TRICKS) {
            for (String credentials : new String[] { null, "client:client" }) {
                String answer = send(path, credentials);
                String who = path.length() > 80 ? path.substring(0, 80) + "..." : path;
                who += credentials == null ? " (no credentials)" : " (as client)";
                assertTrue(answer.startsWith("HTTP/1.1 "), who + ": no answer: " + answer);
                int status = Integer.parseInt(answer.substring(9, 12));
                assertTrue(status < 500, who + ": " + head(answer));
                assertFalse(status >= 200 && status < 300, who + " reached something: " + head(answer));
            }
        }
    }

    @Test
    void theControlPathIsReadableByAnAuditor() throws Exception {
        String answer = send("/api/v1/decisions", "auditor:auditor");
        assertTrue(answer.startsWith("HTTP/1.1 200"), head(answer));
    }

    private String send(String path, String credentials) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
            if (credentials != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            request.append("Accept: application/json\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0 && answer.size() < 65_536;) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                if (answer.size() == 0) {
                    return "silence after 10 s";
                }
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String head(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String head = end < 0 ? answer : answer.substring(0, end);
        return head.length() > 400 ? head.substring(0, 400) : head;
    }
}
