package com.incidents.severity.policy.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.policy.service.PolicyService;

/**
 * Ready only once a policy is in force. When none is, {@code errors} lists what refused the last
 * attempt as JSON objects (level, file, table, rule, message), as {@code lastReload.diagnostics} of
 * {@code GET /api/v1/policy} does.
 */
@Readiness
@ApplicationScoped
public class PolicyReadinessCheck implements HealthCheck {

    static final String NAME = "policy";
    static final String ERRORS = "errors";
    /** The reasons the service is degraded (see {@link Degradation}), a JSON array; empty when it is not. */
    static final String DEGRADED = "degraded";

    @Inject
    PolicyService policies;

    @Inject
    ObjectMapper json;

    @Inject
    Degradation degradation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!policies.loaded()) {
            // MicroProfile Health data holds strings, numbers and booleans only: the list goes as JSON
            // text, and HealthDataAsJson turns it into a JSON array in the answer.
            return response.down().withData(ERRORS, asJson(policies.lastErrors())).build();
        }
        return response.up().withData("version", policies.current().version())
                .withData("outcomeCache", policies.current().cacheStatus())
                .withData("nextEscalation", policies.current().nextEscalationStatus())
                .withData(DEGRADED, asJson(degradation.reasons())).build();
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the policy check's data as JSON", e);
        }
    }
}
