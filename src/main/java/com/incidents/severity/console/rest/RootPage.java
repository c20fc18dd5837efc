package com.incidents.severity.console.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;

/** {@code /} leads to the console's first page (and {@code /ui} too: {@link LoginPage}). */
// Open to everyone: the way in (deny-unannotated-endpoints would refuse it otherwise).
@PermitAll
@Path("/")
public class RootPage {

    @GET
    public RestResponse<Void> root() {
        return Html.seeOther("/ui/home");
    }

}
