package com.incidents.severity.console.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.ConsoleCsrf;
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
        static native TemplateInstance login(boolean error, boolean signedOut);
    }

    @Inject
    ConsoleUser user;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookie;

    @GET
    public RestResponse<Void> home() {
        return Html.seeOther("/ui/decisions");
    }

    @GET
    @Path("/login")
    @Produces(Html.TYPE)
    public RestResponse<String> login(@RestQuery boolean error, @RestQuery boolean out) {
        return Html.status(error ? 401 : 200, Templates.login(error, out));
    }

    /** Forgets the session cookie (form authentication keeps no server-side session). */
    @POST
    @Path("/logout")
    public RestResponse<Void> logout(@RestForm(ConsoleCsrf.FIELD) String csrf) {
        if (user.signedIn()) {
            user.checkCsrf(csrf);
        }
        return RestResponse.ResponseBuilder.<Void> create(303).location(java.net.URI.create("/ui/login?out=true"))
                .cookie(new NewCookie.Builder(cookie).value("").path("/").maxAge(0).build()).build();
    }
}
