package com.incidents.severity.policy.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.policy.model.ReloadAttempt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Reload metrics at {@code /q/metrics}: attempts, successes (accepted, changed or not) and
 * failures; whether the last attempt failed (0 or 1); and how long building and validating a
 * changed policy took.
 */
@ApplicationScoped
public class ReloadMetrics {

    private final Counter attempts;
    private final Counter successes;
    private final Counter failures;
    private final AtomicInteger lastFailed = new AtomicInteger();
    private final Timer duration;
    private final MeterRegistry registry;
    private final Set<String> versionGauges = ConcurrentHashMap.newKeySet();
    private volatile String inForce;

    private final java.util.List<io.micrometer.core.instrument.Meter> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Inject
    public ReloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        attempts = Counter.builder("severity.policy.reload.attempts")
                .description("Policy (re)load attempts, at startup, by the API and by the folder watcher")
                .register(registry);
        successes = Counter.builder("severity.policy.reload.successes")
                .description("Attempts whose policy was accepted (put in force, or already in force)")
                .register(registry);
        failures = Counter.builder("severity.policy.reload.failures")
                .description("Attempts whose policy was refused; the previous policy kept serving")
                .register(registry);
        gauges.add(Gauge.builder("severity.policy.reload.last.failed", lastFailed, AtomicInteger::get)
                .description("1 when the last attempt was refused, 0 when it was accepted")
                .register(registry));
        duration = Timer.builder("severity.policy.reload.duration")
                .description("Time to build, validate and run the scenarios of a changed policy")
                .register(registry);
    }

    /**
     * {@code severity_policy_in_force{version}}: 1 for the version in force, 0 for the versions
     * that were before it in this process (one series per version put in force, so bounded by reloads).
     */
    void inForce(String version) {
        inForce = version;
        if (version != null && versionGauges.add(version)) {
            gauges.add(Gauge.builder("severity.policy.in.force", this, m -> version.equals(m.inForce) ? 1 : 0)
                    .tag("version", version).description("1 for the policy version this instance serves, else 0")
                    .strongReference(true).register(registry));
        }
    }

    /** The registry can outlive this application (see {@code CacheMetrics#unregister}). */
    @jakarta.annotation.PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    void record(ReloadAttempt attempt, boolean built) {
        attempts.increment();
        (attempt.accepted() ? successes : failures).increment();
        lastFailed.set(attempt.accepted() ? 0 : 1);
        if (built) {
            duration.record(attempt.durationMs(), TimeUnit.MILLISECONDS);
        }
    }
}
