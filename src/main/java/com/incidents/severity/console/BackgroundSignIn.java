package com.incidents.severity.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A console page's own background requests (the editor's live check, its saves, its file reads)
 * get a 401 once the sign-in has ended, not the sign-in form's redirect. Followed by {@code fetch},
 * that redirect answered the script with the sign-in page as if it were its result (a save looked
 * done), and it set the cookie naming where to land after signing in to that request: an editor
 * who signed in again landed on {@code /ui/editor/check}. A browser marks its navigations with
 * {@code Sec-Fetch-Mode: navigate}; any other mode is a script's request. Requests without the
 * header (older browsers, command-line clients) keep the redirect, as do navigations.
 */
@ApplicationScoped
public class BackgroundSignIn {

    static final String FETCH_MODE = "Sec-Fetch-Mode";

    private final String loginPage;
    private final String locationCookie;

    BackgroundSignIn(@ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie") String locationCookie) {
        this.loginPage = loginPage;
        this.locationCookie = locationCookie;
    }

    void install(@Observes Router router) {
        router.route("/ui/*").order(Integer.MIN_VALUE + 4).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String mode = ctx.request().getHeader(FETCH_MODE);
        if (mode != null && !"navigate".equalsIgnoreCase(mode)) {
            ctx.addHeadersEndHandler(v -> answerUnauthorized(ctx.response()));
        }
        ctx.next();
    }

    /** The form's challenge (a redirect to the sign-in page) becomes a 401 that sets no return location. */
    private void answerUnauthorized(HttpServerResponse response) {
        String location = response.headers().get(HttpHeaders.LOCATION);
        if (response.getStatusCode() != 302 || location == null || !location.endsWith(loginPage)) {
            return;
        }
        response.setStatusCode(401);
        response.headers().remove(HttpHeaders.LOCATION);
        response.removeCookie(locationCookie, false);
    }
}
