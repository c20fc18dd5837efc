package com.incidents.severity.policy.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.PolicyWatcher;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * What still answers correctly but less well: the outcome cache off (every decision runs the
 * engine) or the policy folder watcher down (edits are not picked up until a reload). Reported by
 * readiness and exported as {@code severity_degraded{reason}} (1 while degraded, else 0).
 */
@Startup
@ApplicationScoped
public class Degradation {

    static final String CACHE = "outcome_cache";
    static final String WATCHER = "policy_watcher";

    @Inject
    PolicyService policies;

    @Inject
    PolicyWatcher watcher;

    @Inject
    MeterRegistry registry;

    private final List<io.micrometer.core.instrument.Meter> meters = new ArrayList<>();

    @jakarta.annotation.PostConstruct
    void register() {
        for (String reason : List.of(CACHE, WATCHER)) {
            meters.add(Gauge.builder("severity.degraded", this, d -> d.reasons().contains(reason) ? 1 : 0).tag("reason", reason)
                    .description("1 while the service is degraded for this reason (it still answers correctly)")
                    .strongReference(true).register(registry));
        }
    }

    /** The registry can outlive this application (see {@code CacheMetrics#unregister}). */
    @jakarta.annotation.PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    /** The reasons the service is degraded now; empty when it is not. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(2);
        if (policies.loaded() && !"on".equals(policies.current().cacheStatus())) {
            reasons.add(CACHE);
        }
        if (watcher.watching() && !watcher.alive()) {
            reasons.add(WATCHER);
        }
        return reasons;
    }
}
