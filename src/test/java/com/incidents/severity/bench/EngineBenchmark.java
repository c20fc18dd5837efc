package com.incidents.severity.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.request.DecisionRequest;

/**
 * The engine in-process on JMH, over the shipped policy in rules/, built as the service builds it
 * (exact-facts cache of 100,000 outcomes): microseconds per decision, with the full answer
 * (outcome, trace, explanation, response targets and, for an ongoing incident, the next
 * escalation). {@code newFacts} sends facts never seen before on every invocation (see
 * {@link FreshFacts}); {@code newFactsWithoutShortcuts} the same to the engine without its
 * shortcuts, in the same run; {@code recurringFacts} cycles 2,000 requests (as bench/decisions.lua does over HTTP), decided
 * once in the set-up, so the cache answers.
 * Not a test: run it with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    static final int RECURRING = 2_000;

    PolicyEngine engine;
    PolicyEngine withoutShortcuts;
    List<DecisionRequest> recurring;

    @Setup(Level.Trial)
    public void build() {
        // The levels the service runs with (INFO; Quarkus sets them at start): unset, the JBoss log
        // manager lets kie-dmn's TRACE lines through, which took a quarter of the time measured.
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        engine = new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(Path.of("rules"))), 100_000);
        withoutShortcuts = engine.withoutShortcuts();
        recurring = InProcessBenchmark.workload(engine, RECURRING);
        recurring.forEach(request -> DecisionService.decide(engine, request)); // the round that fills the cache
    }

    /** Facts no earlier invocation of this thread sent, over every kind of request the policy decides. */
    @State(Scope.Thread)
    public static class FreshFacts {
        // Users: n * an odd number mod 2^23 is a bijection on [0, 2^23), so no count recurs
        // within 8.4 million impact requests, and the counts spread over every band (0..8.4M).
        private static final long USERS_SPACE = 1L << 23;
        private static final long USERS_STEP = 5_170_427L;
        // Requests without counts: (capability or tier) x type x duration 0..599 x reports 0..20,
        // enumerated by n * a prime that divides none of the factors, so none recurs either.
        private static final long PRIME = 1_000_003L;
        private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
        private final SplittableRandom random = new SplittableRandom(7);
        private long n;
        private List<String> slots; // the catalog's capabilities, then the three stated tiers

        @Setup(Level.Trial)
        public void slots(EngineBenchmark bench) {
            slots = new java.util.ArrayList<>(bench.engine.policy().catalog().entries().stream().map(e -> e.name()).toList());
            slots.addAll(List.of("C1", "C2", "C3"));
        }

        DecisionRequest next() {
            long i = n++;
            Facts facts;
            if ((i & 1) == 0) {
                long users = ((i >>> 1) * USERS_STEP) % USERS_SPACE;
                boolean withCapability = random.nextBoolean();
                facts = new Facts(random.nextBoolean() ? "MAJOR" : "MINOR", users, random.nextLong(0, 150),
                        withCapability ? slots.get(random.nextInt(slots.size() - 3)) : null, null,
                        withCapability ? type(random.nextInt(2)) : null,
                        withCapability ? random.nextLong(0, 600) : null,
                        random.nextBoolean() ? random.nextLong(0, 21) : null);
            } else {
                long space = slots.size() * 2L * 600 * 21;
                long k = ((i >>> 1) * PRIME) % space;
                String slot = slots.get((int) (k % slots.size()));
                k /= slots.size();
                String type = type((int) (k % 2));
                k /= 2;
                long duration = k % 600;
                long reports = k / 600;
                boolean tier = slot.length() == 2 && slot.charAt(0) == 'C';
                facts = new Facts(null, null, null, tier ? null : slot, tier ? slot : null, type, duration, reports);
            }
            boolean ongoing = facts.durationMinutes() != null && random.nextBoolean();
            Instant startedAt = facts.durationMinutes() == null ? null : NOW.minusSeconds(facts.durationMinutes() * 60);
            return new DecisionRequest(facts, startedAt, startedAt, ongoing, NOW, null);
        }

        private static String type(int i) {
            return i == 0 ? "OUTAGE" : "DEGRADATION";
        }
    }

    @State(Scope.Thread)
    public static class Cycle {
        int i;
    }

    /** Facts never seen before, the whole answer: outcome, trace, targets, next escalation when ongoing. */
    @Benchmark
    public Decision newFacts(FreshFacts fresh) {
        return DecisionService.decide(engine, fresh.next());
    }

    /**
     * The same, with the engine as it decided before its shortcuts ({@link PolicyEngine#withoutShortcuts}):
     * both models and a rules session in every evaluation, the same exact-facts cache. The figure
     * {@code newFacts} is compared with, in the same run.
     */
    @Benchmark
    public Decision newFactsWithoutShortcuts(FreshFacts fresh) {
        return DecisionService.decide(withoutShortcuts, fresh.next());
    }

    /** 2,000 distinct requests cycled, each decided once before: the exact-facts cache answers. */
    @Benchmark
    public Decision recurringFacts(Cycle cycle) {
        DecisionRequest request = recurring.get(cycle.i);
        cycle.i = cycle.i + 1 == recurring.size() ? 0 : cycle.i + 1;
        return DecisionService.decide(engine, request);
    }
}
