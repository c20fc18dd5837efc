package com.incidents.severity.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.Tier;
import com.incidents.severity.policy.service.PolicyService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The capability catalog of the policy in force, by tier. */
@Path("/ui/capabilities")
@RolesAllowed({ Roles.CLIENT, Roles.EDITOR, Roles.AUDITOR })
@Produces(Html.TYPE)
public class CapabilitiesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance capabilities(String version, List<Tier> tiers);
    }

    @Inject
    PolicyService policies;

    @GET
    public RestResponse<TemplateInstance> capabilities() {
        var engine = policies.current();
        return Html.ok(Templates.capabilities(engine.version(), Tier.of(engine.policy().catalog().entries())));
    }
}
