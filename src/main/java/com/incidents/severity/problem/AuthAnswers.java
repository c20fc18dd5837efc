package com.incidents.severity.problem;

import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The 401 and 403 problems. A 401 carries the {@code WWW-Authenticate} challenge of the
 * authentication mechanisms in use (HTTP Basic, and Bearer when OIDC is on), as they give it.
 */
final class AuthAnswers {

    private static final ChallengeData BASIC = new ChallengeData(401, "WWW-Authenticate",
            "Basic realm=\"Quarkus\"");

    private AuthAnswers() {
    }

    static Problem unauthorized() {
        return Problem.of("unauthorized", "Authentication required", 401,
                "Send valid credentials: HTTP Basic with a user of this service, or a bearer token where OIDC is configured");
    }

    static Problem forbidden(String required) {
        return Problem.of("forbidden", "Forbidden", 403, required == null
                ? "The authenticated user does not hold the role this request requires"
                : "The authenticated user does not hold a role this request requires: " + required);
    }

    /** A challenge that sends the user elsewhere (the form mechanism's redirect to its sign-in page). */
    static boolean isRedirect(ChallengeData challenge) {
        return challenge.status >= 300 && challenge.status < 400
                && challenge.getHeaders().keySet().stream().anyMatch(h -> "Location".equalsIgnoreCase(h.toString()));
    }

    /** The challenge for a 401 on {@code ctx}; HTTP Basic when no mechanism gives one. */
    static Uni<ChallengeData> challenge(RoutingContext ctx) {
        HttpAuthenticator authenticator = ctx == null ? null : ctx.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(BASIC);
        }
        return authenticator.getChallenge(ctx)
                .map(c -> c == null || c.getHeaders().isEmpty() ? BASIC : c)
                .onFailure().recoverWithItem(BASIC);
    }
}
