package com.incidents.severity.policy.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.incidents.severity.policy.service.PolicyService;

/** Ready only once a policy is in force. */
@Readiness
@ApplicationScoped
public class PolicyReadinessCheck implements HealthCheck {

    @Inject
    PolicyService policies;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("policy");
        if (!policies.loaded()) {
            return response.down().withData("errors", policies.lastErrors().toString()).build();
        }
        return response.up().withData("version", policies.current().version())
                .withData("outcomeCache", policies.current().cacheStatus())
                .withData("nextEscalation", policies.current().nextEscalationStatus()).build();
    }
}
