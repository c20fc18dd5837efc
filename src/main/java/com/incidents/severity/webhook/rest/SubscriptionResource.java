package com.incidents.severity.webhook.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.decision.DecisionLimits;
import com.incidents.severity.decision.rest.Callers;
import com.incidents.severity.decision.rest.JsonBodies;
import com.incidents.severity.security.Roles;
import com.incidents.severity.webhook.model.DeliveryPage;
import com.incidents.severity.webhook.model.Subscription;
import com.incidents.severity.webhook.model.SubscriptionPage;
import com.incidents.severity.webhook.service.Subscriptions;

import io.smallrye.common.annotation.Blocking;

/** Webhooks: a decision-client subscribes a URL to the incidents' events; each delivery is signed and retried. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SubscriptionResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    DecisionLimits limits;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Subscribe a URL to incident events", description = "Body: {\"url\", \"events\", \"secret\"}."
            + " Every matching event after this moment is POSTed to url as a signed CloudEvent.")
    public RestResponse<Subscription> subscribe(byte[] body, @Context SecurityContext security) {
        Subscription s = subscriptions.subscribe(JsonBodies.read(mapper, body, limits.maxBodyBytes()), owner(security));
        return RestResponse.ResponseBuilder.<Subscription> created(URI.create("/api/v1/subscriptions/" + s.id())).entity(s).build();
    }

    @GET
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "The caller's subscriptions (an auditor's: everyone's), the newest first")
    public SubscriptionPage list(@Context SecurityContext security) {
        var found = subscriptions.list(reader(security));
        return new SubscriptionPage(found, found.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "A subscription")
    public Subscription get(@RestPath String id, @Context SecurityContext security) {
        return subscriptions.get(id, reader(security));
    }

    @DELETE
    @Path("/{id}")
    // no body: a generated client accepts only its errors' type here, which must not be a 406
    @Produces({ MediaType.APPLICATION_JSON, com.incidents.severity.problem.Problem.MEDIA_TYPE })
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "End a subscription: nothing more is sent to it")
    public RestResponse<Void> delete(@RestPath String id, @Context SecurityContext security) {
        subscriptions.delete(id, owner(security));
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "A subscription's latest deliveries, each with every attempt made")
    public DeliveryPage deliveries(@RestPath String id, @Context SecurityContext security) {
        var found = subscriptions.deliveries(id, reader(security), 200);
        return new DeliveryPage(found, found.size());
    }

    private static String owner(SecurityContext security) {
        return Callers.of(security, null).name();
    }

    private static Subscriptions.Reader reader(SecurityContext security) {
        return new Subscriptions.Reader(owner(security), security.isUserInRole(Roles.AUDITOR));
    }
}
