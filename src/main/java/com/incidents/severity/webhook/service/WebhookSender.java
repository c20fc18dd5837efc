package com.incidents.severity.webhook.service;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import com.incidents.severity.webhook.WebhooksConfig;
import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.store.WebhookStore;

/**
 * Sends one delivery: an HTTP POST of the CloudEvent as stored (structured mode,
 * {@code Content-Type: application/cloudevents+json}), signed ({@link WebhookSignature}) and named
 * ({@code Severity-Delivery}). Apache HttpClient 5, set up for hostile URLs: hosts and addresses
 * checked by {@link WebhookTargets} on every connection (its DnsResolver), no redirect followed (a
 * 3xx is an answer, so a failed attempt), no retries of its own, no cookies, no proxy from the
 * environment, connect and read timeouts, and the whole exchange cancelled past connect + read timeout.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String MEDIA_TYPE = "application/cloudevents+json";

    @Inject
    WebhooksConfig config;

    @Inject
    Clock clock;

    private WebhookTargets targets;
    private CloseableHttpClient http;
    private ScheduledExecutorService deadlines;

    @PostConstruct
    void start() {
        targets = new WebhookTargets(config.allowedHosts().orElse(List.of()));
        Timeout connect = Timeout.ofMilliseconds(config.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(config.readTimeout().toMillis());
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(targets.resolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .setMaxConnTotal(Math.max(2, config.senders() * 2)).setMaxConnPerRoute(Math.max(1, config.senders()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).setRedirectsEnabled(false).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setUserAgent("incident-severity-webhooks/1").build();
        deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** The allowed-hosts rules in force (for subscriptions). */
    public WebhookTargets targets() {
        return targets;
    }

    /** Makes attempt {@code n} of the claimed delivery; never throws: a failure is an attempt with its error. */
    public Attempt send(WebhookStore.Claimed d, int n) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(d.url());
        } catch (IllegalArgumentException e) {
            return new Attempt(n, at, null, "The URL is not valid", 0);
        }
        if (uri.getHost() == null || !targets.hostAllowed(uri.getHost())) {
            return new Attempt(n, at, null, "Not sent: the host '" + uri.getHost()
                    + "' is not on severity.webhooks.allowed-hosts", 0);
        }
        byte[] body = d.cloudEvent().getBytes(StandardCharsets.UTF_8);
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.create(MEDIA_TYPE)));
        post.setHeader(WebhookSignature.HEADER, WebhookSignature.header(d.secret(), at.getEpochSecond(), body));
        post.setHeader(WebhookSignature.DELIVERY_HEADER, d.id());
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel,
                config.connectTimeout().toMillis() + config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse answer = http.executeOpen(null, post, null)) {
            // the answer's body is not read: closing drops the connection rather than wait for it
            return new Attempt(n, at, answer.getCode(), null, millisSince(started));
        } catch (IOException | RuntimeException e) {
            String why = post.isCancelled() ? "No answer within " + (config.connectTimeout().plus(config.readTimeout()))
                    .toMillis() + " ms" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Attempt(n, at, null, why, millisSince(started));
        } finally {
            deadline.cancel(false);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
