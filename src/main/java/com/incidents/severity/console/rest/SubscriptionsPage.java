package com.incidents.severity.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.SubscriptionView;
import com.incidents.severity.webhook.service.Subscriptions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * Webhooks in the console: each subscription (a client's own; an auditor's view: everyone's), its
 * URL and events, its latest deliveries with their attempts and failures; the owner may send a
 * delivery again.
 */
@Path("/ui/subscriptions")
@RolesAllowed({ Roles.CLIENT, Roles.AUDITOR })
@Produces(Html.TYPE)
@Blocking
public class SubscriptionsPage {

    static final int DELIVERIES = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscriptions(List<SubscriptionView> subscriptions, boolean everyone);
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    ConsoleUser user;

    @GET
    public TemplateInstance list() {
        var reader = new Subscriptions.Reader(user.name(), user.auditor());
        return Templates.subscriptions(subscriptions.list(reader).stream()
                .map(s -> SubscriptionView.of(s, subscriptions.deliveries(s.id(), reader, DELIVERIES), user.name()))
                .toList(), user.auditor());
    }

    /** The owner sends a delivery again: queued now, with a fresh budget of attempts. */
    @POST
    @Path("/deliveries/{id}/redeliver")
    @RolesAllowed(Roles.CLIENT)
    public RestResponse<TemplateInstance> redeliver(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String csrf) {
        user.checkCsrf(csrf);
        subscriptions.redeliver(id, user.name());
        return Html.seeOther("/ui/subscriptions#delivery-" + id);
    }
}
