package com.incidents.severity.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.incidents.severity.problem.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * State-changing calls cannot be made cross-site: a POST, PUT, PATCH or DELETE whose
 * {@code Origin} names another origin than the service's own (or one of
 * {@code severity.security.allowed-origins}) is refused with a 403 problem before its body is
 * read. A multipart POST from a page needs no CORS preflight, so this is what stops it. Requests
 * without {@code Origin} (curl, services) pass.
 */
@ApplicationScoped
public class OriginRoute {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    void install(@Observes Router router, SecurityConfig config) {
        Origins origins = new Origins(config.allowedOrigins().orElse(List.of()));
        router.route().order(-4).handler(ctx -> {
            String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
            if (origin == null || !CHANGING.contains(ctx.request().method().name())
                    || origins.permits(origin, ctx.request().scheme(), authority(ctx.request()))) {
                ctx.next();
                return;
            }
            Problem problem = Problem.of("cross-origin", "Cross-origin request refused", 403,
                    ctx.request().method().name() + " from origin " + origin + " is refused: only the service's own"
                            + " origin and those of severity.security.allowed-origins may change state");
            ctx.response().setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(problem));
        });
    }

    private static String authority(HttpServerRequest request) {
        HostAndPort at = request.authority();
        return at == null ? "" : at.port() < 0 ? at.host() : at.host() + ":" + at.port();
    }
}
