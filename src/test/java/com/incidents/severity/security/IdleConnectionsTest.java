package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A connection that holds a request head open, or idles after a request, is closed by the service
 * after {@code quarkus.http.idle-timeout} (2 s here). The socket's own read time-out (20 s) is only
 * the limit of the test: the service's close ends the read first.
 */
@QuarkusTest
@TestProfile(IdleConnectionsTest.ShortIdle.class)
class IdleConnectionsTest {

    public static class ShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void aHeldRequestHeadIsClosed() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the service answers before it closes
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 15, "closed after " + seconds + " s");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            long start = System.nanoTime();
            while (in.read() >= 0) {
                // the rest of the answer, then the close
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 15, "closed after " + seconds + " s");
        }
    }
}
