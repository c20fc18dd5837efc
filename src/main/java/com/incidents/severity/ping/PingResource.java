package com.incidents.severity.ping;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;
import com.incidents.severity.security.Roles;

/**
 * A trivial endpoint: proves the HTTP stack answers, and is the floor the decision endpoint's
 * throughput is measured against in the benchmark.
 */
@Path("/api/v1/ping")
public class PingResource {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GET
    @NonBlocking
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A trivial answer from the HTTP stack")
    public Map<String, String> ping() {
        return PONG;
    }
}
