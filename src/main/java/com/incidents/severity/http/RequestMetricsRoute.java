package com.incidents.severity.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every API request and counts the refused ones by status, whoever answered them: the
 * route runs before every other (authentication and body limits included) and reads the status
 * when the response ends. Labels are bounded: the endpoint is one of a fixed few, the outcome a
 * status class, the reason one of the refusal statuses.
 * <ul>
 * <li>{@code severity_http_requests_seconds{endpoint, outcome}}: request latency histogram;</li>
 * <li>{@code severity_requests_rejected_total{reason}}: answers 401, 403, 413, 422, 429 and 503.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestMetricsRoute {

    static final Set<Integer> REJECTIONS = Set.of(401, 403, 413, 422, 429, 503);

    @Inject
    MeterRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> rejected = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::measure);
    }

    private void measure(RoutingContext ctx) {
        String endpoint = endpoint(ctx.request().method().name(), ctx.request().path());
        if (endpoint != null) {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> ended(endpoint, ctx.response().getStatusCode(), System.nanoTime() - start));
        }
        ctx.next();
    }

    private void ended(String endpoint, int status, long nanos) {
        timers.computeIfAbsent(endpoint + status / 100, k -> Timer.builder("severity.http.requests")
                .description("Time to answer an API request, from its arrival to the end of the answer")
                .tag("endpoint", endpoint).tag("outcome", status / 100 + "xx").publishPercentileHistogram()
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (REJECTIONS.contains(status)) {
            rejected.computeIfAbsent(status, s -> Counter.builder("severity.requests.rejected")
                    .description("API requests refused, by answer status").tag("reason", Integer.toString(s))
                    .register(registry)).increment();
        }
    }

    /** The endpoint's label; null for what is not the API (health, metrics, the OpenAPI document). */
    static String endpoint(String method, String path) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (path.startsWith("/api/v1/decisions")) {
            if (method.equals("POST") && path.equals("/api/v1/decisions")) {
                return "decide";
            }
            return method.equals("POST") && path.equals("/api/v1/decisions/batch") ? "batch" : "audit";
        }
        if (path.startsWith("/api/v1/audit")) {
            return "audit";
        }
        if (path.startsWith("/api/v1/policy") || path.startsWith("/api/v1/capabilities")) {
            return "policy";
        }
        return path.equals("/api/v1/ping") ? "ping" : "other";
    }
}
