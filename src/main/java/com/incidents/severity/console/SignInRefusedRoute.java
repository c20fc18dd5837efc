package com.incidents.severity.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A sign-in post refused for its missing or wrong token ({@link SignInRefusedException}): a 403,
 * as a problem for API clients; a browser is sent to the sign-in page, which says why and gives it
 * a fresh form (answered with 403 too).
 */
@ApplicationScoped
public class SignInRefusedRoute {

    static final String PAGE = "/ui/login?stale=true";
    private static final String BODY = "{\"type\":\"/problems/sign-in-form\",\"title\":\"The sign-in form is out of date\","
            + "\"status\":403,\"detail\":\"A sign-in must be sent from this service's own sign-in page, with its token;"
            + " open /ui/login and sign in again\"}";

    void install(@Observes Router router) {
        router.route().order(-6).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!(ctx.failure() instanceof SignInRefusedException) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, PAGE).end();
        } else {
            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(BODY);
        }
    }
}
