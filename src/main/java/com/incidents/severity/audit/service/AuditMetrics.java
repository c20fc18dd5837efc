package com.incidents.severity.audit.service;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The audit writer at /q/metrics: queue depth, batch sizes, commit latency, timed-out commits. */
@ApplicationScoped
public class AuditMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer commit;
    private final Counter timeouts;
    private final Counter failures;

    @Inject
    public AuditMetrics(MeterRegistry registry) {
        this.registry = registry;
        batchSize = DistributionSummary.builder("severity.audit.batch.size")
                .description("Records written per group commit").publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(10_000.0).register(registry);
        commit = Timer.builder("severity.audit.commit").description("Time to write and commit one group of records")
                .publishPercentileHistogram().register(registry);
        timeouts = Counter.builder("severity.audit.commit.timeouts")
                .description("Decisions answered 503 because their record was not committed in time (not recorded)")
                .register(registry);
        failures = Counter.builder("severity.audit.commit.failures")
                .description("Group commits that failed (their decisions answered 503 or 500)").register(registry);
    }

    private volatile io.micrometer.core.instrument.Meter queueDepth;

    void queueDepth(Supplier<Number> depth) {
        queueDepth = Gauge.builder("severity.audit.queue.depth", depth).description("Records waiting to be written")
                .register(registry);
    }

    /** The registry can outlive this application (see {@code CacheMetrics#unregister}). */
    @jakarta.annotation.PreDestroy
    void unregister() {
        if (queueDepth != null) {
            registry.remove(queueDepth);
        }
    }

    void committed(int records, long nanos) {
        batchSize.record(records);
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    void timedOut() {
        timeouts.increment();
    }

    void failed() {
        failures.increment();
    }
}
