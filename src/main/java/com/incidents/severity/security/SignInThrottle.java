package com.incidents.severity.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits password guessing, before authentication runs: a user name or a remote address with too
 * many failed sign-ins within the window (a 401 to HTTP Basic, the sign-in form sent back to its
 * error page) gets a 429 problem with {@code Retry-After}, right or wrong password alike, until the
 * window has passed. The general rate limit counts authenticated calls only, so it never saw these.
 * Counted per replica: behind a balancer over n replicas an attacker gets at most n times the limit.
 */
@ApplicationScoped
public class SignInThrottle {

    static final String FORM_ACTION = "/j_security_check";
    private static final String BODY = "{\"type\":\"/problems/sign-in-throttled\",\"title\":\"Too many failed sign-ins\","
            + "\"status\":429,\"detail\":\"Too many failed sign-ins for this user or address; retry after %d s\"}";

    private final SecurityConfig.SignIn config;
    private final Cache<String, AtomicInteger> failures;

    SignInThrottle(SecurityConfig security) {
        this.config = security.signIn();
        this.failures = Caffeine.newBuilder().expireAfterWrite(config.window()).maximumSize(100_000).build();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        boolean form = FORM_ACTION.equals(request.path());
        if (user == null && !form) {
            ctx.next();
            return;
        }
        String address = "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        String userKey = user == null ? null : "user:" + user;
        if (over(address, config.maxFailuresPerAddress()) || userKey != null && over(userKey, config.maxFailuresPerUser())) {
            long seconds = Math.max(1, config.window().toSeconds());
            ctx.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader("Retry-After", Long.toString(seconds)).end(BODY.formatted(seconds));
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            int status = ctx.response().getStatusCode();
            String location = ctx.response().headers().get(HttpHeaders.LOCATION);
            boolean failed = form ? location != null && location.contains("error") : status == 401;
            if (failed) {
                count(address);
                if (userKey != null) {
                    count(userKey);
                }
            } else if (userKey != null && status < 400) {
                failures.invalidate(userKey); // the right password: this user's count starts again
            }
        });
        ctx.next();
    }

    private boolean over(String key, int max) {
        AtomicInteger count = failures.getIfPresent(key);
        return count != null && count.get() >= max;
    }

    private void count(String key) {
        AtomicInteger count = failures.asMap().computeIfAbsent(key, k -> new AtomicInteger());
        count.incrementAndGet();
        failures.put(key, count); // a new failure restarts the window
    }

    /** The user name of a Basic header, or null when there is none or it cannot be read. */
    static String basicUser(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, Math.min(colon, 200));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
