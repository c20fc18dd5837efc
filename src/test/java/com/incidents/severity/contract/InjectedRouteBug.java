package com.incidents.severity.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Test-only, like {@link InjectedBug} but before RESTEasy and before authentication: in
 * {@link FaultContractTest}'s profile, a request carrying {@link #THROWN} meets an exception thrown
 * by a Vert.x route handler, and one carrying {@link #FAILED} a route that fails the request with
 * one ({@code ctx.fail}), as a bug in any of the service's routes would. Elsewhere it does nothing.
 */
@ApplicationScoped
public class InjectedRouteBug {

    static final String THROWN = "X-Inject-Route-Bug";
    static final String FAILED = "X-Inject-Route-Failure";

    @ConfigProperty(name = "test.inject-bugs", defaultValue = "false")
    boolean enabled;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(ctx -> {
            if (enabled && ctx.request().getHeader(THROWN) != null) {
                throw new IllegalStateException(InjectedBug.SECRET);
            }
            if (enabled && ctx.request().getHeader(FAILED) != null) {
                ctx.fail(new UnsupportedOperationException(InjectedBug.SECRET));
                return;
            }
            ctx.next();
        });
    }
}
