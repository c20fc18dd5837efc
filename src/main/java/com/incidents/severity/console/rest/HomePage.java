package com.incidents.severity.console.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.ConsoleUser;

import io.quarkus.security.Authenticated;

/**
 * Where a signed-in person lands (the form's landing page, and {@code /} and {@code /ui}): the first
 * page their roles open. An auditor reads decisions, a policy editor reviews drafts, a decision
 * client tries decisions, an incident responder follows the open incidents; anyone else reads the policy.
 */
@Authenticated
@Path("/ui/home")
public class HomePage {

    @Inject
    ConsoleUser user;

    @GET
    public RestResponse<Void> home() {
        return Html.seeOther(user.auditor() ? "/ui/decisions" : user.editor() ? "/ui/review"
                : user.client() ? "/ui/try" : user.responder() ? "/ui/incidents" : "/ui/policy");
    }
}
