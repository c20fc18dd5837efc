package com.incidents.severity.decision.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.decision.model.Decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Decisions at /q/metrics: answered decisions by severity, basis and policy version (each bounded:
 * the policy's severities, four bases, the versions put in force), failed evaluations by policy
 * version, and the engine's evaluation time as a histogram.
 */
@ApplicationScoped
public class DecisionMetrics {

    private final MeterRegistry registry;
    private final Timer evaluation;
    private final Map<String, Counter> decided = new ConcurrentHashMap<>();
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    @Inject
    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        evaluation = Timer.builder("severity.decision.evaluation")
                .description("Time the policy (engine or outcome cache) took to decide one request")
                .publishPercentileHistogram().register(registry);
    }

    void evaluated(long micros) {
        evaluation.record(micros, TimeUnit.MICROSECONDS);
    }

    void decided(Decision d) {
        String severity = d.severity() == null ? "NONE" : d.severity();
        String basis = d.basis() == null ? "NONE" : d.basis();
        decided.computeIfAbsent(severity + '|' + basis + '|' + d.policyVersion(), k -> {
            failedCounter(d.policyVersion()); // at 0 from a version's first decision, so rate() has a series
            return Counter.builder("severity.decisions").description("Decisions answered (and recorded)")
                    .tag("severity", severity).tag("basis", basis).tag("policy_version", d.policyVersion())
                    .register(registry);
        }).increment();
    }

    void failed(String policyVersion) {
        failedCounter(policyVersion).increment();
    }

    private Counter failedCounter(String policyVersion) {
        return failed.computeIfAbsent(policyVersion, k -> Counter.builder("severity.decisions.failed")
                .description("Requests the policy failed on (recorded, answered with a problem)")
                .tag("policy_version", policyVersion).register(registry));
    }
}
