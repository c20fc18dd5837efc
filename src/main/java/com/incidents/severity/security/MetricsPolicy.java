package com.incidents.severity.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * /q/metrics (its HTTP permission names this policy in application.properties): open while
 * {@code severity.security.metrics-role} is unset or empty, else only for holders of that role.
 */
@ApplicationScoped
public class MetricsPolicy implements HttpSecurityPolicy {

    @Inject
    SecurityConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        String role = config.metricsRole().map(String::strip).orElse("");
        if (role.isEmpty()) {
            return CheckResult.permit();
        }
        // Anonymous: fail with UnauthorizedException, so the answer is the same 401 problem (with its
        // challenge) as elsewhere; a DENY would send a bare challenge without a body.
        return identity.flatMap(id -> id.isAnonymous() ? Uni.createFrom().failure(new UnauthorizedException())
                : id.hasRole(role) ? CheckResult.permit() : CheckResult.deny());
    }

    @Override
    public String name() {
        return "metrics-role";
    }
}
