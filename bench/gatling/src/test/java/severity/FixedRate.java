package severity;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Requests arrive at a fixed rate whatever the answers do (Gatling's open model: each arrival is a new
 * virtual user sending one request), so a slow answer delays no later request and the percentiles
 * carry no coordinated omission. Every decision carries facts drawn anew (user counts, durations,
 * report counts), as real callers send; {@code -Dpath=ping} measures the authenticated ping instead.
 * A warm-up at the same rate comes first ({@code warmup} seconds, requests named "warm-up"): the load
 * generator's JVM and its connections start cold, and without it the first seconds of every run carried
 * answers of hundreds of milliseconds that were Gatling's start, not the service. Only the requests
 * named "decision" (or "ping") are measured; bench/open-latency.sh reads their row of the report.
 * Properties: rate (requests/s), seconds, warmup, baseUrl, auth (an Authorization header value), path.
 */
public class FixedRate extends Simulation {

    private static final String[] CAPABILITIES = { "App UI", "Hosted storage", "Webtriggers", "App deployment",
            "App logging", "Search apps", "Churn reports", "Request apps", "Manage apps", "Async events" };
    private static final String[] LEVELS = { "MAJOR", "MINOR" };
    private static final String[] TYPES = { "OUTAGE", "DEGRADATION" };
    private static final String[] TIERS = { "C1", "C2", "C3" };

    private final int rate = Integer.getInteger("rate", 100);
    private final int seconds = Integer.getInteger("seconds", 20);
    private final int warmup = Integer.getInteger("warmup", 10);
    private final String path = System.getProperty("path", "decisions");
    private final SplittableRandom random = new SplittableRandom(42);

    private final Iterator<Map<String, Object>> facts = Stream.generate(() -> Map.<String, Object> of("body", body()))
            .iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("baseUrl", "http://localhost:8089"))
            .header("Authorization", System.getProperty("auth", "")).contentTypeHeader("application/json")
            .shareConnections();

    {
        String name = path.equals("ping") ? "ping" : "decision";
        setUp(scenario("warm-up").feed(facts).exec(request("warm-up"))
                .injectOpen(constantUsersPerSec(rate).during(warmup))
                .andThen(scenario(name).feed(facts).exec(request(name)).injectOpen(constantUsersPerSec(rate).during(seconds))))
                .protocols(protocol);
    }

    private HttpRequestActionBuilder request(String name) {
        return path.equals("ping") ? http(name).get("/api/v1/ping").check(status().is(200))
                : http(name).post("/api/v1/decisions").body(StringBody("#{body}")).check(status().is(200));
    }

    private synchronized String body() {
        String reports = random.nextBoolean() ? ",\"partnerReports\":" + random.nextInt(21) : "";
        switch (random.nextInt(4)) {
        case 0:
            return "{\"impactLevel\":\"" + pick(LEVELS) + "\",\"affectedUsers\":" + random.nextInt(8_000_001) + reports + "}";
        case 1:
            return "{\"impactLevel\":\"" + pick(LEVELS) + "\",\"affectedApps\":" + random.nextInt(151) + reports + "}";
        case 2:
            return "{\"capability\":\"" + pick(CAPABILITIES) + "\",\"incidentType\":\"" + pick(TYPES)
                    + "\",\"durationMinutes\":" + random.nextInt(601) + reports + "}";
        default:
            return "{\"capabilityTier\":\"" + pick(TIERS) + "\",\"incidentType\":\"" + pick(TYPES) + "\",\"durationMinutes\":"
                    + random.nextInt(601) + ",\"partnerReports\":" + random.nextInt(21) + "}";
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
