package com.incidents.severity.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Authentication and authorization failures outside the REST resources (wrong credentials, seen
 * before any resource runs; metrics behind a role) as the same 401/403 problems the resources give.
 */
@ApplicationScoped
public class AuthFailureRoute {

    void install(@Observes Router router) {
        router.route().order(-5).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            AuthAnswers.challenge(ctx).subscribe().with(
                    challenge -> answer(ctx, challenge),
                    e -> end(ctx, AuthAnswers.unauthorized(), "WWW-Authenticate", "Basic realm=\"Quarkus\""));
        } else if (failure instanceof ForbiddenException) {
            end(ctx, AuthAnswers.forbidden(null), null, null);
        } else {
            ctx.next();
        }
    }

    private static void answer(RoutingContext ctx, ChallengeData challenge) {
        if (AuthAnswers.isRedirect(challenge)) {
            challenge.getHeaders().forEach(ctx.response()::putHeader);
            ctx.response().setStatusCode(challenge.status).end();
        } else {
            challenge.getHeaders().forEach(ctx.response()::putHeader);
            end(ctx, AuthAnswers.unauthorized(), null, null);
        }
    }

    private static void end(RoutingContext ctx, Problem problem, CharSequence header, String value) {
        if (header != null) {
            ctx.response().putHeader(header, value);
        }
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
