package com.incidents.severity.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.engine.compile.PolicyCompiler;

/**
 * Decisions per second in one JVM, side by side in one run, all on the shipped policy with the
 * full answer (trace, explanation, response targets): the service path on recurring facts (10,000
 * distinct requests cycled, so the exact-facts cache answers after the first round), the same path
 * on facts that never recur (every request a new user count, so the engine evaluates each), and
 * the engine alone. Not a test: run it with bench/run.sh.
 */
public final class InProcessBenchmark {

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // The service's log levels (INFO): unset outside Quarkus, kie-dmn's TRACE lines are written (EngineBenchmark).
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        // Built as the service builds it once the checks have passed (the checks are not what is measured).
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(Path.of("rules"))),
                100_000);
        List<DecisionRequest> requests = workload(engine, 10_000);
        AtomicLong fresh = new AtomicLong(1_000_000_000L);

        ToIntFunction<DecisionRequest> recurring = r -> {
            Decision d = DecisionService.decide(engine, r);
            return d.explanation().size() + d.firedRules().size();
        };
        ToIntFunction<DecisionRequest> neverRecurring = r -> {
            Facts f = r.facts();
            Facts unseen = new Facts(f.impactLevel() == null ? "MINOR" : f.impactLevel(), fresh.incrementAndGet(),
                    f.affectedApps(), f.capability(), f.statedTier(), f.incidentType(), f.durationMinutes(),
                    f.partnerReports());
            Decision d = DecisionService.decide(engine, new DecisionRequest(unseen, r.startedAt(), r.pagedAt(),
                    r.ongoing(), r.receivedAt(), r.body()));
            return d.explanation().size() + d.firedRules().size();
        };
        ToIntFunction<DecisionRequest> engineOnly = r -> engine.evaluateWithEngine(r.facts()).firedRules().size();

        System.out.printf("workload: %d distinct requests; outcome cache %s%n", requests.size(), engine.cacheStatus());
        for (int threads : new int[] { 1, 2 }) {
            for (int round = 1; round <= rounds; round++) {
                double alone = measure(engineOnly, requests, threads, seconds);
                double unseen = measure(neverRecurring, requests, threads, seconds);
                double seen = measure(recurring, requests, threads, seconds);
                System.out.printf("threads=%d round=%d  engine-alone=%,.0f/s  service-new-facts=%,.0f/s (%.2fx)"
                        + "  service-recurring-facts=%,.0f/s (%.1fx)%n", threads, round, alone, unseen, unseen / alone,
                        seen, seen / alone);
            }
        }
    }

    private static double measure(ToIntFunction<DecisionRequest> task, List<DecisionRequest> requests, int threads,
            int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 997;
            new Thread(() -> {
                long n = 0;
                int acc = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 1000; i++) {
                        acc += task.applyAsInt(requests.get((int) ((n + offset) % requests.size())));
                        n++;
                    }
                }
                sink = acc;
                done.addAndGet(n);
                finished.countDown();
            }).start();
        }
        finished.await();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Random but valid requests over the whole policy, as the API would have parsed them. */
    static List<DecisionRequest> workload(PolicyEngine engine, int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<String> capabilities = engine.policy().catalog().entries().stream().map(e -> e.name()).toList();
        List<DecisionRequest> requests = new ArrayList<>();
        JsonNodeFactory json = JsonNodeFactory.instance;
        while (requests.size() < count) {
            ObjectNode body = json.objectNode();
            switch (random.nextInt(3)) {
                case 0 -> body.put("impactLevel", random.nextBoolean() ? "MAJOR" : "MINOR")
                        .put("affectedUsers", random.nextLong(0, 8_000_000)).put("affectedApps", random.nextLong(0, 150));
                case 1 -> body.put("capability", capabilities.get(random.nextInt(capabilities.size())))
                        .put("incidentType", random.nextBoolean() ? "OUTAGE" : "DEGRADATION")
                        .put("durationMinutes", random.nextLong(0, 600));
                default -> body.put("capabilityTier", "C" + (1 + random.nextInt(3)))
                        .put("incidentType", random.nextBoolean() ? "OUTAGE" : "DEGRADATION")
                        .put("durationMinutes", random.nextLong(0, 600));
            }
            if (random.nextBoolean()) {
                body.put("partnerReports", random.nextLong(0, 20));
            }
            requests.add(RequestParser.parse(body, engine.policy(), Instant.now()));
        }
        return requests;
    }
}
