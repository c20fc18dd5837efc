package com.incidents.severity.policy.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.incidents.severity.policy.service.PolicyWatcher;

/**
 * The policy folder watcher, when the service watches one. A dead watcher does not make decisions
 * wrong (the policy in force still serves; a reload still works), so the check stays UP and says
 * the service is degraded. The check only reads: the watcher's own supervisor starts a new one
 * ({@code severity.reload.restart-after}), which catches up with a reload.
 */
@Readiness
@ApplicationScoped
public class WatcherReadinessCheck implements HealthCheck {

    static final String NAME = "policy-watcher";

    @Inject
    PolicyWatcher watcher;

    @Override
    public HealthCheckResponse call() {
        if (!watcher.watching()) {
            return HealthCheckResponse.named(NAME).up().withData("watching", false).build();
        }
        boolean alive = watcher.alive();
        var response = HealthCheckResponse.named(NAME).up().withData("watching", true).withData("alive", alive);
        if (!alive) {
            response.withData("degraded", true);
        }
        return response.build();
    }
}
