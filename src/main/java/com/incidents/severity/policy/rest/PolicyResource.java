package com.incidents.severity.policy.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.policy.model.PolicyVersion;
import com.incidents.severity.policy.model.PolicyView;
import com.incidents.severity.policy.model.ReloadAttempt;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;
import com.incidents.severity.security.Roles;

@Path("/api/v1/policy")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyService policies;

    @GET
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.POLICY_EDITOR, Roles.AUDITOR })
    @Operation(summary = "The policy in force", description = "Version, origin, files with their SHA-256, outcome cache, the last reload attempt, and every decision table as data.")
    public PolicyView policy() {
        return policies.view();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.POLICY_EDITOR, Roles.AUDITOR })
    @Operation(summary = "The policy versions that have been in force", description = "Oldest first; the last one, without retiredAt, is in force.")
    public List<PolicyVersion> versions() {
        return policies.versions();
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.POLICY_EDITOR)
    @Operation(summary = "Reload the policy now", description = "Builds, validates and runs the scenarios of the configured rules folder; puts it in force only if every check passes.")
    @APIResponse(responseCode = "200", description = "Accepted: in force now, or already in force (changed=false)", content = @Content(schema = @Schema(implementation = ReloadAttempt.class)))
    @APIResponse(responseCode = "500", description = "An internal error (not the files): logged under the errorId of the body; the previous version keeps serving", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Refused: the previous version keeps serving", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = PolicyRefusedProblem.class)))
    public RestResponse<Object> reload() {
        ReloadAttempt attempt = policies.reload(ReloadTrigger.API);
        if (attempt.accepted()) {
            return RestResponse.ok(attempt);
        }
        if (attempt.errorId() != null) { // not a refusal of the files: a bug, logged under this id
            throw new ProblemException(Problem.logged("reload-failed", "The reload failed", 500,
                    "The reload failed on an internal error; the policy in force is kept", attempt.errorId()), null);
        }
        return RestResponse.ResponseBuilder.<Object> create(422).entity(PolicyRefusedProblem.of(attempt))
                .type("application/problem+json").build();
    }
}
