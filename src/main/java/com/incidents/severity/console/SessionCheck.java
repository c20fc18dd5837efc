package com.incidents.severity.console;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs after form authentication has found a user, on a worker thread (it reads the database):
 * <ul>
 * <li>at sign-in (the form's POST to /j_security_check, password already right): refuses a post
 * without the sign-in form's own token ({@link SignInRefusedException}, so no other site can sign a
 * browser into its account), then opens a session ({@link ConsoleSessions}) and sends its id in a
 * cookie;</li>
 * <li>on every other request the form's cookie authenticates (wherever it is sent): it names the user, and this sign-in must still
 * hold (not signed out on any replica, not ended); otherwise both cookies are dropped and the
 * request is unauthenticated (the form sends the browser to the sign-in page).</li>
 * </ul>
 * The identity carries the session id ({@link #SESSION_ID}), which the CSRF token is bound to.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    public static final String SESSION_ID = "console-session-id";
    static final String SIGN_IN = "/j_security_check";

    private final ConsoleSessions sessions;
    private final ConsoleCsrf csrf;
    private final String formCookie;

    SessionCheck(ConsoleSessions sessions, ConsoleCsrf csrf,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.formCookie = formCookie;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (ctx == null || identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (!(ctx.get(HttpAuthenticationMechanism.class.getName()) instanceof FormAuthenticationMechanism)) {
            return Uni.createFrom().item(identity); // HTTP Basic or a bearer token: no console session
        }
        return SIGN_IN.equals(ctx.normalizedPath()) ? context.runBlocking(() -> signIn(identity, ctx))
                : context.runBlocking(() -> resume(identity, ctx));
    }

    private SecurityIdentity signIn(SecurityIdentity identity, RoutingContext ctx) {
        Cookie token = ctx.request().getCookie(ConsoleCsrf.SIGN_IN_COOKIE);
        if (!csrf.signInPostValid(ctx.request().getFormAttribute(ConsoleCsrf.SIGN_IN_FIELD),
                token == null ? null : token.getValue())) {
            throw new SignInRefusedException();
        }
        String id = sessions.open(identity.getPrincipal().getName());
        ctx.response().addCookie(cookie(ctx, ConsoleSessions.COOKIE, id));
        ctx.response().addCookie(cookie(ctx, ConsoleCsrf.SIGN_IN_COOKIE, "").setMaxAge(0)); // used up
        return QuarkusSecurityIdentity.builder(identity).addAttribute(SESSION_ID, id).build();
    }

    private SecurityIdentity resume(SecurityIdentity identity, RoutingContext ctx) {
        Cookie session = ctx.request().getCookie(ConsoleSessions.COOKIE);
        String id = session == null ? null : session.getValue();
        if (!sessions.live(id, identity.getPrincipal().getName())) {
            forget(ctx, formCookie);
            throw new AuthenticationFailedException("The console session has ended or was signed out");
        }
        return QuarkusSecurityIdentity.builder(identity).addAttribute(SESSION_ID, id).build();
    }

    /** Drops the session's cookies (sign-out, or a session that no longer holds). */
    public static void forget(RoutingContext ctx, String formCookie) {
        ctx.response().addCookie(cookie(ctx, formCookie, "").setMaxAge(0));
        ctx.response().addCookie(cookie(ctx, ConsoleSessions.COOKIE, "").setMaxAge(0));
    }

    static Cookie cookie(RoutingContext ctx, String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(ctx.request().isSSL());
    }
}
