package com.incidents.severity.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.incidents.severity.webhook.Receiver;
import com.incidents.severity.webhook.WebhooksConfig;
import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.store.WebhookStore;

/**
 * The sender's HTTP client connects only through the address filter: a listed name whose address
 * is loopback but not listed is never connected to, whatever the receiver would answer; with the
 * address listed it is, and a redirect is an answer, not followed.
 */
class WebhookSenderTest {

    private static WebhookSender sender(List<String> allowed) {
        WebhookSender sender = new WebhookSender();
        sender.config = new WebhooksConfig() {
            public Optional<List<String>> allowedHosts() { return Optional.of(allowed); }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration readTimeout() { return Duration.ofSeconds(5); }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public Duration firstRetry() { return Duration.ofSeconds(10); }
            public Duration maxRetry() { return Duration.ofHours(1); }
            public int maxAttempts() { return 8; }
            public Duration lease() { return Duration.ofSeconds(30); }
            public int claimBatch() { return 50; }
            public int senders() { return 1; }
        };
        sender.clock = Clock.systemUTC();
        sender.start();
        return sender;
    }

    private static WebhookStore.Claimed delivery(String url) {
        return new WebhookStore.Claimed("d-1", "s-1", url, "sender-test-secret-0123", "INC-1", 1, 0,
                "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"subject\":\"INC-1\"}");
    }

    @Test
    void aListedNameIsConnectedToOnlyAtAnAddressTheFilterAllows() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String byName = "http://localhost:" + receiver.port() + "/hook";
            WebhookSender nameOnly = sender(List.of("localhost"));
            try {
                Attempt refused = nameOnly.send(delivery(byName), 1);
                assertNull(refused.status());
                assertTrue(refused.error().contains("resolves only to"), refused.error());
                assertEquals(List.of(), receiver.at("/hook"), "nothing was connected to");
            } finally {
                nameOnly.stop();
            }
            WebhookSender withAddress = sender(List.of("localhost", "127.0.0.1"));
            try {
                Attempt sent = withAddress.send(delivery(byName), 1);
                assertEquals(200, sent.status(), String.valueOf(sent.error()));
                Receiver.Received got = receiver.at("/hook").get(0);
                assertEquals("application/cloudevents+json", got.header("Content-Type"));
                assertEquals("d-1", got.header("Severity-Delivery"));
                long t = Long.parseLong(got.header("Severity-Signature").replaceAll("t=(\\d+),.*", "$1"));
                assertEquals(WebhookSignature.header("sender-test-secret-0123", t, got.body().getBytes()),
                        got.header("Severity-Signature"));
                receiver.redirect("/moved", receiver.url("/hook"));
                Attempt redirected = withAddress.send(delivery(receiver.url("/moved")), 1);
                assertEquals(302, redirected.status());
                assertEquals(1, receiver.at("/hook").size(), "the redirect was not followed");
                Attempt unlisted = withAddress.send(delivery("http://127.0.0.2:" + receiver.port() + "/hook"), 1);
                assertTrue(unlisted.error().contains("not on severity.webhooks.allowed-hosts"), unlisted.error());
            } finally {
                withAddress.stop();
            }
        }
    }
}
