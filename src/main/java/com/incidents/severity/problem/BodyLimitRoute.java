package com.incidents.severity.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses a body whose declared length exceeds the server limit with a 413 problem body, before
 * it is read. (Quarkus' own check, which also covers chunked bodies, answers with an empty 413.)
 */
@ApplicationScoped
public class BodyLimitRoute {

    private static final String BODY = "{\"type\":\"/problems/payload-too-large\",\"title\":\"The request is too large\","
            + "\"status\":413,\"detail\":\"The body is larger than the %d bytes this server accepts\"}";

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String body = BODY.formatted(max);
        router.route().order(-3).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, max)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String declared, long max) {
        try {
            return Long.parseLong(declared.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
