package com.incidents.severity.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses a path with {@code ;} parameters (matrix parameters, {@code /api;x=1/v1/policy}) with a
 * 400 problem, before authentication. No endpoint of the service takes them; Vert.x drops them when
 * it matches routes, so {@code /api;x=1/...} reached {@code /api/...} past the path rules, and the
 * sign-in challenge put such a path in a cookie that Netty refused, leaving the request unanswered.
 */
@ApplicationScoped
public class PathParameterRoute {

    private static final String BODY = "{\"type\":\"/problems/path-parameters\",\"title\":\"The path has parameters\","
            + "\"status\":400,\"detail\":\"A path of this service has no ';' parameters; send the path without them\"}";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            String path = ctx.request().path();
            if (path != null && path.indexOf(';') >= 0) {
                ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(BODY);
            } else {
                ctx.next();
            }
        });
    }
}
