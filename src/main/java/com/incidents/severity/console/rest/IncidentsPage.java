package com.incidents.severity.console.rest;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.console.ConsoleUser;
import com.incidents.severity.console.Roles;
import com.incidents.severity.console.view.ScenarioCandidate;
import com.incidents.severity.draft.service.ScenarioProposals;
import com.incidents.severity.incident.model.OverrideCase;
import com.incidents.severity.incident.model.Trigger;
import com.incidents.severity.incident.service.OverrideCases;
import com.incidents.severity.console.view.IncidentLine;
import com.incidents.severity.console.view.TimelineLine;
import com.incidents.severity.incident.IncidentRefusedException;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.service.IncidentService;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The open incidents at a glance: severity, how long open, the next escalation with a countdown, the
 * target clocks; an incident's timeline; and each override as a candidate scenario row, which a
 * policy editor can start a draft with, so that a disagreement with the policy becomes one of its tests.
 */
@Path("/ui/incidents")
@RolesAllowed({ Roles.CLIENT, Roles.AUDITOR, Roles.RESPONDER, Roles.EDITOR })
@Produces(Html.TYPE)
@Blocking
public class IncidentsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(List<IncidentLine> incidents);

        static native TemplateInstance timeline(IncidentLine incident, String state, List<TimelineLine> decisions,
                List<ScenarioCandidate> scenarios);

        static native TemplateInstance missing(String key);
    }

    @Inject
    IncidentService incidents;

    @Inject
    Clock clock;

    @Inject
    OverrideCases overrides;

    @Inject
    ScenarioProposals proposals;

    @Inject
    ConsoleUser user;

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
        var decisions = incidents.timeline(key).decisions();
        List<ScenarioCandidate> scenarios = decisions.stream()
                .filter(e -> e.trigger() == Trigger.OVERRIDE && e.override() != null).map(e -> {
                    OverrideCase c = overrides.of(key, e.decisionId());
                    return new ScenarioCandidate(e.n(), e.decisionId(), ScenarioProposals.file(c), ScenarioProposals.csv(c),
                            c.severity(), c.engineSeverity());
                }).toList();
        return RestResponse.ok(Templates.timeline(IncidentLine.of(incident, now), incident.state().name(),
                decisions.stream().map(TimelineLine::of).toList(), scenarios));
    }

    /** An override as a scenario file of one row, for an editor to add to the policy's scenarios. */
    @GET
    @Path("/{key}/scenario/{decisionId}")
    @Produces("text/csv;charset=UTF-8")
    public RestResponse<String> scenario(@PathParam("key") String key, @PathParam("decisionId") String decisionId) {
        OverrideCase c = overrides.of(key, decisionId);
        return RestResponse.ResponseBuilder.ok(ScenarioProposals.csv(c), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"override-" + decisionId + ".csv\"").build();
    }

    /** A policy editor starts a draft with the override's row added to its scenario file, and lands on that draft. */
    @POST
    @Path("/{key}/scenario/{decisionId}")
    @RolesAllowed(Roles.EDITOR)
    public RestResponse<TemplateInstance> propose(@PathParam("key") String key, @PathParam("decisionId") String decisionId,
            @RestForm(ConsoleCsrf.FIELD) String csrf) throws java.sql.SQLException {
        user.checkCsrf(csrf);
        return Html.seeOther("/ui/drafts/" + proposals.propose(overrides.of(key, decisionId), user.name()).id());
    }

    @GET
    public TemplateInstance open() {
        var now = clock.instant();
        return Templates.incidents(incidents.search(new IncidentQuery(IncidentState.OPEN, null, null, null, null, 500))
                .stream().map(i -> IncidentLine.of(i, now)).toList());
    }
}
