package com.incidents.severity.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only: an API path that needs a role, as every /api path will once access control lands
 * (issue 11), so the console tests can check that the console's form sign-in never captures the API.
 */
@Path("/api/test-only/secured")
@Produces(MediaType.APPLICATION_JSON)
public class SecuredApiProbe {

    @GET
    @Operation(hidden = true)
    @RolesAllowed(Roles.AUDITOR)
    public String secured() {
        return "{\"ok\":true}";
    }
}
