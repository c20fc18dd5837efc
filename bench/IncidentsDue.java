import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 20's time-driven figure: opens COUNT incidents, each a C1 outage whose 2 hours (SEV2 to SEV1)
 * fall at a random instant of one minute that starts once every incident is open, then waits for the
 * service to escalate them by itself and reads, from each incident's timeline, how late its TIME
 * decision was after its instant (the service's own lateMillis, and the decision's recorded instant).
 *   java -cp 'target/quarkus-app/lib/main/*' bench/IncidentsDue.java BASE_URL "Basic ..." due COUNT
 * Prints the lateness percentiles and how many were decided within 60 s of their instant.
 *   java -cp ... bench/IncidentsDue.java BASE_URL "Basic ..." open COUNT PREFIX
 * opens PREFIX-1..COUNT (C2 degradations) for bench/patches.lua.
 */
public class IncidentsDue {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = args[1];
        int count = Integer.parseInt(args[3]);
        int threads = 16;
        if ("open".equals(args[2])) {
            open(base, auth, count, args[4], threads);
            return;
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        // opening them all takes a while: the minute starts when the last one may have been opened
        Instant minute = Instant.now().plusSeconds(30 + count / 250).truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instants.add(minute.plusMillis(random.nextInt(60_000)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger opened = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            puts.add(pool.submit(() -> {
                Instant started = instants.get(n).minus(2, ChronoUnit.HOURS);
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/DUE-" + run + "-" + n))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                                + started + "\"}")));
                if (r.statusCode() != 201 || !r.body().contains("\"SEV2\"")) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                opened.incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("opened %d incidents in %.1f s (%.0f PUT/s); their escalations fall due from %s to %s%n",
                opened.get(), openSeconds, opened.get() / openSeconds, minute, minute.plusSeconds(60));
        if (Instant.now().isAfter(minute)) {
            System.out.println("WARNING: opening took longer than planned; some instants passed before all were open");
        }
        // wait for the minute and a margin of 60 s after its end: everything must be decided by then
        Instant deadline = minute.plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
        }
        ConcurrentHashMap<Integer, Long> late = new ConcurrentHashMap<>();
        AtomicInteger undecided = new AtomicInteger();
        List<Future<?>> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            reads.add(pool.submit(() -> {
                String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/DUE-" + run + "-" + n + "/timeline"))
                        .header("Authorization", auth)).body();
                long ms = -1;
                for (JsonNode d : JSON.readTree(body).path("decisions")) {
                    if ("TIME".equals(d.path("trigger").asText()) && "SEV1".equals(d.path("severity").asText())) {
                        ms = d.path("lateMillis").asLong();
                    }
                }
                if (ms >= 0) {
                    late.put(n, ms);
                } else {
                    undecided.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : reads) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(late.values());
        Collections.sort(sorted);
        long within = sorted.stream().filter(ms -> ms <= 60_000).count();
        System.out.printf("| incidents | decided by TIME | within 60 s of their instant | lateness p50 | p99 | p99.9 | max |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d | %d | %d ms | %d ms | %d ms | %d ms |%n", count, sorted.size(), within,
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        if (undecided.get() > 0 || within < count) {
            System.out.printf("NOT MET: %d without a TIME decision, %d later than 60 s%n", undecided.get(), count - within);
            System.exit(1);
        }
    }

    private static void open(String base, String auth, int count, String prefix, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> puts = new ArrayList<>();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 1; i <= count; i++) {
            int n = i;
            puts.add(pool.submit(() -> {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/" + prefix + "-" + n))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"capabilityTier\":\"C2\",\"incidentType\":\"DEGRADATION\",\"startedAt\":\"" + started + "\"}")));
                if (r.statusCode() != 201) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                return null;
            }));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
