package com.incidents.severity.console.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleSessions;
import com.incidents.severity.console.ConsoleUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** {@code /ui} itself, the console's sign-in page (form authentication posts it to /j_security_check) and sign-out. */
// Open to everyone: the way in (deny-unannotated-endpoints would refuse it otherwise).
@PermitAll
@Path("/ui")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean signedOut, boolean stale, String token);
    }

    @Inject
    ConsoleUser user;

    @Inject
    ConsoleCsrf csrf;

    @Inject
    ConsoleSessions sessions;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookie;

    @GET
    public RestResponse<Void> home() {
        return Html.seeOther("/ui/home");
    }

    /** The form, with its sign-in token in a hidden field and in a cookie (kept while it is valid, for other tabs). */
    @GET
    @Path("/login")
    @Produces(Html.TYPE)
    public RestResponse<TemplateInstance> login(@RestQuery boolean error, @RestQuery boolean out, @RestQuery boolean stale,
            @RestCookie(ConsoleCsrf.SIGN_IN_COOKIE) String token) {
        String given = csrf.validSignInToken(token) ? token : csrf.newSignInToken();
        RestResponse<TemplateInstance> page = Html.status(error ? 401 : stale ? 403 : 200, Templates.login(error, out, stale, given));
        return RestResponse.ResponseBuilder.fromResponse(page).cookie(new NewCookie.Builder(ConsoleCsrf.SIGN_IN_COOKIE)
                .value(given).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build()).build();
    }

    /** Ends the session on the server, for every replica, and forgets its cookies. */
    @POST
    @Path("/logout")
    public RestResponse<Void> logout(@RestForm(ConsoleCsrf.FIELD) String token) {
        if (user.signedIn()) {
            user.checkCsrf(token);
            sessions.revoke(user.sessionId());
        }
        return RestResponse.ResponseBuilder.<Void> create(303).location(URI.create("/ui/login?out=true"))
                .cookie(gone(cookie), gone(ConsoleSessions.COOKIE)).build();
    }

    private static NewCookie gone(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).build();
    }
}
