package com.incidents.severity.audit.health;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.service.AuditWriter;
import com.incidents.severity.audit.store.AuditDatabase;

/**
 * Decisions are answered only once recorded, so the service is not ready while the audit store
 * cannot be reached or its writer thread is dead. The check only reads: a dead writer is started
 * again by the writer's own supervisor ({@code severity.audit.restart-after}), whether or not
 * anything asks for readiness.
 */
@Readiness
@ApplicationScoped
public class AuditReadinessCheck implements HealthCheck {

    static final String NAME = "audit-store";
    private static final int VALIDATION_SECONDS = 2;

    @Inject
    AuditConfig config;

    @Inject
    AuditDatabase database;

    @Inject
    AuditWriter writer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("enabled", config.enabled());
        if (!config.enabled()) {
            return response.up().build();
        }
        response.withData("database", database.name()).withData("queued", writer.queued());
        String unreachable = unreachable();
        response.withData("reachable", unreachable == null);
        if (unreachable != null) {
            response.withData("error", unreachable);
        }
        boolean alive = writer.alive();
        response.withData("writer", alive ? "alive" : "dead");
        if (!alive) {
            writer.deathCause().ifPresent(cause -> response.withData("writerDiedOf", cause));
        }
        return response.status(alive && unreachable == null).build();
    }

    /**
     * Null when the database answers on a connection of its own (a busy reader pool is not an
     * unreachable store: the writer does not use it); else what went wrong, for the operator.
     */
    private String unreachable() {
        try (Connection c = database.openOutsidePool()) {
            return c.isValid(VALIDATION_SECONDS) ? null : "the database did not answer within " + VALIDATION_SECONDS + " s";
        } catch (SQLException e) {
            return e.getMessage() == null ? "cannot connect to the database" : e.getMessage();
        }
    }
}
