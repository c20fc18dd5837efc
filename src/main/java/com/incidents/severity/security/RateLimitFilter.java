package com.incidents.severity.security;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The per-client rate limit on every API call, before its body is read: a 429 problem with
 * {@code Retry-After} (whole seconds) once a client has used its burst faster than the refill.
 * The client is the authenticated principal, else the remote address.
 */
public class RateLimitFilter {

    @Inject
    RateLimits limits;

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void limit(HttpServerRequest request) {
        String client = identity.isAnonymous()
                ? "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress())
                : "user:" + identity.getPrincipal().getName();
        Duration wait = limits.waitFor(client);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw ProblemException.refused(Problem.of("rate-limited", "Too many requests", 429,
                    "This client has sent more requests than its rate limit allows; retry after " + seconds + " s"))
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }
}
