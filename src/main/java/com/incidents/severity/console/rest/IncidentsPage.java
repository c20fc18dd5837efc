package com.incidents.severity.console.rest;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.IncidentLine;
import com.incidents.severity.console.view.TimelineLine;
import com.incidents.severity.incident.IncidentRefusedException;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.service.IncidentService;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The open incidents at a glance: severity, how long open, the next escalation with a countdown, the target clocks. */
@Path("/ui/incidents")
@RolesAllowed({ Roles.CLIENT, Roles.AUDITOR, Roles.RESPONDER })
@Produces(Html.TYPE)
@Blocking
public class IncidentsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(List<IncidentLine> incidents);

        static native TemplateInstance timeline(IncidentLine incident, String state, List<TimelineLine> decisions);

        static native TemplateInstance missing(String key);
    }

    @Inject
    IncidentService incidents;

    @Inject
    Clock clock;

    /** An incident's story: every decision in order, why it was made, what changed, which rows decided. */
    @GET
    @Path("/{key}")
    public RestResponse<TemplateInstance> timeline(@PathParam("key") String key) {
        var now = clock.instant();
        Incident incident;
        try {
            incident = incidents.get(key);
        } catch (IncidentRefusedException | InvalidRequestException e) {
            return RestResponse.status(RestResponse.Status.NOT_FOUND, Templates.missing(key));
        }
        return RestResponse.ok(Templates.timeline(IncidentLine.of(incident, now), incident.state().name(),
                incidents.timeline(key).decisions().stream().map(TimelineLine::of).toList()));
    }

    @GET
    public TemplateInstance open() {
        var now = clock.instant();
        return Templates.incidents(incidents.search(new IncidentQuery(IncidentState.OPEN, null, null, null, null, 500))
                .stream().map(i -> IncidentLine.of(i, now)).toList());
    }
}
