package com.incidents.severity.policy.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.engine.PolicyEngine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The outcome cache's hits and misses at /q/metrics, read from the engine in force (the engine
 * itself knows nothing of Micrometer). They count from zero again when a new version comes into
 * force, which Prometheus' rate() reads as a counter reset.
 */
@Startup
@ApplicationScoped
public class CacheMetrics {

    @Inject
    PolicyService policies;

    @Inject
    MeterRegistry registry;

    private final java.util.List<io.micrometer.core.instrument.Meter> meters = new java.util.ArrayList<>();

    @PostConstruct
    void register() {
        meters.add(FunctionCounter.builder("severity.cache.hits", this, m -> m.counts().hits())
                .description("Decisions whose engine outcome was found in the outcome cache").register(registry));
        meters.add(FunctionCounter.builder("severity.cache.misses", this, m -> m.counts().misses())
                .description("Decisions the engine evaluated because the outcome cache had no outcome for their facts")
                .register(registry));
    }

    /**
     * The registry can outlive this application (Quarkus' root registry is Micrometer's global one,
     * which a test JVM keeps across restarts): a meter left behind would read this stopped one.
     */
    @jakarta.annotation.PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    private PolicyEngine.CacheCounts counts() {
        return policies.loaded() ? policies.current().cacheCounts() : new PolicyEngine.CacheCounts(0, 0);
    }
}
