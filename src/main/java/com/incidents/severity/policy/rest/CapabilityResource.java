package com.incidents.severity.policy.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.engine.model.CapabilityEntry;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.security.Roles;

@Path("/api/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public class CapabilityResource {

    @Inject
    PolicyService policies;

    @GET
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.POLICY_EDITOR, Roles.AUDITOR })
    @Operation(summary = "The capability catalog", description = "Every capability with its tier and catalog, read from the DMN catalog table of the policy in force.")
    public RestResponse<List<CapabilityEntry>> list() {
        var engine = policies.current();
        return RestResponse.ResponseBuilder.ok(engine.policy().catalog().entries())
                .header("X-Policy-Version", engine.version()).build();
    }
}
