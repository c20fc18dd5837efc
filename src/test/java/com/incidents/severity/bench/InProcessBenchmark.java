package com.incidents.severity.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.Facts;

/**
 * Decisions per second in one JVM, side by side in one run: the service's path (engine outcome
 * per input class, full decision with explanation and trace) against the hand-written Java policy,
 * plus the engine alone with no cache for context. Not a test: run it with bench/run.sh.
 */
public final class InProcessBenchmark {

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // Built as the service builds it once the checks have passed (the checks are not what is measured).
        PolicyEngine engine = new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(Path.of("rules"))),
                100_000, 200);
        List<DecisionRequest> requests = workload(engine, 10_000);
        Map<String, String> tiers = new java.util.HashMap<>();
        engine.policy().catalog().entries().forEach(e -> tiers.put(e.name(), e.tier()));

        ToIntFunction<DecisionRequest> service = r -> {
            Decision d = DecisionService.decide(engine, r);
            return d.explanation().size() + d.firedRules().size();
        };
        ToIntFunction<DecisionRequest> reference = r -> {
            var f = r.facts();
            return HandWrittenFloor.decide(f, f.capability() != null ? tiers.get(f.capability()) : f.statedTier())
                    .basis().length();
        };
        ToIntFunction<DecisionRequest> engineOnly = r -> engine.evaluateWithEngine(r.facts()).firedRules().size();

        System.out.printf("workload: %d distinct requests; outcome cache %s%n", requests.size(), engine.cacheStatus());
        for (int threads : new int[] { 1, 2 }) {
            for (int round = 1; round <= rounds; round++) {
                double ref = measure(reference, requests, threads, seconds);
                double svc = measure(service, requests, threads, seconds);
                System.out.printf("threads=%d round=%d  hand-written=%,.0f/s  service=%,.0f/s  ratio=%.3f%n",
                        threads, round, ref, svc, svc / ref);
            }
        }
        double raw = measure(engineOnly, requests, 1, seconds);
        System.out.printf("engine alone, no cache, 1 thread: %,.0f/s (%.1f µs per decision)%n", raw, 1e6 / raw);
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
            requests.add(RequestParser.parse(body, engine.policy().catalog(), Instant.now()));
        }
        return requests;
    }

    /**
     * The speed floor: the shipped policy of 2026-11-23 hand-written in plain Java (severity and
     * basis only). It is measured, never compared with anything, and no test uses it: an edit of
     * rules/ does not change it, so it stays the floor the figures in BENCHMARKS.md were taken with.
     */
    static final class HandWrittenFloor {

        /** Severity (null for none) and basis. */
        public record Result(String severity, String basis) {
        }

        private static final Map<String, String[]> OUTAGE = Map.of("C1", new String[] { "SEV2", "SEV1", "SEV1" },
                "C2", new String[] { "SEV2", "SEV2", "SEV2" }, "C3", new String[] { "SEV3", "SEV3", "SEV2" });
        private static final Map<String, String[]> DEGRADATION = Map.of("C1", new String[] { "SEV2", "SEV1", "SEV1" },
                "C2", new String[] { "SEV3", "SEV2", "SEV2" }, "C3", new String[] { null, "SEV3", "SEV3" });

        /** {@code tier} is the catalog tier of the capability, or the stated tier. */
        public static Result decide(Facts f, String tier) {
            String severity;
            String basis;
            if (f.affectedUsers() != null || f.affectedApps() != null) {
                severity = impact(f.impactLevel(), band(f.affectedUsers(), f.affectedApps()));
                basis = "IMPACT";
            } else {
                severity = capability(tier, f.incidentType(), f.durationMinutes());
                basis = "CAPABILITY";
            }
            String escalation = escalation(f.partnerReports());
            if (rank(escalation) > rank(severity)) {
                severity = escalation;
                basis = "ESCALATION";
            }
            return new Result(severity, severity == null ? "NONE" : basis);
        }

        private static int band(Long users, Long apps) {
            int u = users == null ? 0 : users > 5_000_000 ? 3 : users > 100_000 ? 2 : users >= 1_000 ? 1 : 0;
            int a = apps == null ? 0 : apps > 100 ? 3 : apps > 10 ? 2 : apps >= 3 ? 1 : 0;
            return Math.max(u, a);
        }

        private static String impact(String level, int band) {
            if (band == 0 || level == null) {
                return null;
            }
            if (level.equals("MAJOR")) {
                return band == 3 ? "SEV1" : band == 2 ? "SEV2" : "SEV3";
            }
            return band == 3 ? "SEV2" : "SEV3";
        }

        private static String capability(String tier, String type, Long minutes) {
            if (tier == null || type == null || minutes == null) {
                return null;
            }
            int column = minutes < 120 ? 0 : minutes <= 300 ? 1 : 2;
            return (type.equals("OUTAGE") ? OUTAGE : DEGRADATION).get(tier)[column];
        }

        private static String escalation(Long reports) {
            if (reports == null || reports <= 2) {
                return null;
            }
            return reports > 15 ? "SEV1" : reports > 5 ? "SEV2" : "SEV3";
        }

        private static int rank(String severity) {
            return severity == null ? 0 : 4 - (severity.charAt(3) - '0');
        }
    }
}
