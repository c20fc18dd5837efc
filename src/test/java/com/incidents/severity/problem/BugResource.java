package com.incidents.severity.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoints that fail the way a bug does. */
@jakarta.annotation.security.PermitAll
@Path("/test-only/bug")
@Produces(MediaType.APPLICATION_JSON)
public class BugResource {

    static final String SECRET = "secret-internal-detail-42";

    @GET
    @Operation(hidden = true)
    public String bug() {
        throw new IllegalStateException(SECRET);
    }

    @GET
    @Path("/checked")
    @Operation(hidden = true)
    public String checked() throws Exception {
        throw new java.io.IOException(SECRET);
    }

    /** An answer that fails while it is written (after the resource returned), as a bad entity would. */
    @GET
    @Path("/unwritable")
    @Operation(hidden = true)
    public Unwritable unwritable() {
        return new Unwritable();
    }

    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException(SECRET);
        }
    }
}
