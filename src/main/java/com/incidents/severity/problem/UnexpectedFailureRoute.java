package com.incidents.severity.problem;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A failure before or outside the REST resources (an exception in one of the service's Vert.x
 * routes, in an authentication mechanism, a route failing the request with a 5xx) answered as the
 * resources answer a bug: a 500 problem whose error id names the cause, logged once with its stack
 * trace. Quarkus' own handler answered those with a body of its own (and, in tests, the stack
 * trace). Runs after {@link AuthFailureRoute}; failures of 4xx status go on as they are.
 */
@ApplicationScoped
public class UnexpectedFailureRoute {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureRoute.class);

    void install(@Observes Router router) {
        router.route().order(-4).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        int status = ctx.statusCode(); // -1: failed with an exception that names no status
        if (ctx.response().ended() || ctx.response().headWritten() || (status >= 0 && status < 500)
                || answeredByQuarkus(ctx.failure())) {
            ctx.next();
        } else if (ctx.failure() instanceof ProblemException e) { // its own problem; whoever made an id logged it
            e.headers().forEach(ctx.response()::putHeader);
            e.retryAfterSeconds().ifPresent(s -> ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(s)));
            end(ctx, e.problem().status(), Json.encode(e.body()));
        } else {
            String errorId = ErrorIds.logged(LOG, ctx.failure(), "Unexpected error answering " + ctx.request().method()
                    + " " + ctx.request().path() + " before or outside its resource");
            end(ctx, 500, Json.encode(Problem.internal(errorId)));
        }
    }

    /**
     * What Quarkus' error handler answers on purpose rather than as a bug: authentication and
     * authorization outcomes (401, 403, a sign-in redirect), a full worker pool (503) and a client
     * gone away (an IOException: nobody to answer).
     */
    private static boolean answeredByQuarkus(Throwable failure) {
        if (failure == null) {
            return false;
        }
        String name = failure.getClass().getName();
        return name.startsWith("io.quarkus.security.") || name.startsWith("io.quarkus.vertx.http.runtime.security.")
                || failure instanceof RejectedExecutionException || failure instanceof IOException;
    }

    private static void end(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
