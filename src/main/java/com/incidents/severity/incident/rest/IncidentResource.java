package com.incidents.severity.incident.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.decision.DecisionLimits;
import com.incidents.severity.decision.rest.Callers;
import com.incidents.severity.decision.rest.JsonBodies;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.IncidentPage;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.model.Timeline;
import com.incidents.severity.incident.service.IncidentService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Incidents followed over time: each change of their facts, and each instant that falls due, is a decision. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class IncidentResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    IncidentService incidents;

    @Inject
    DecisionLimits limits;

    @Inject
    ObjectMapper mapper;

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Create an incident, or replace its facts", description = "The body holds the facts a"
            + " decision request takes, and optionally investigationStartedAt and statusUpdateAt. Replacing needs"
            + " If-Match with the incident's ETag (428 without it, 412 when stale). Answered once the decision"
            + " (trigger FACTS) is recorded in the audit chain.")
    public Uni<RestResponse<Incident>> put(@RestPath String key, byte[] body, @RestHeader("If-Match") String ifMatch,
            @RestHeader("X-Client-Id") String clientId, @Context SecurityContext security) {
        JsonNode facts = JsonBodies.read(mapper, body, limits.maxBodyBytes());
        return answer(incidents.put(key, facts, ifMatch, Callers.of(security, clientId)), ifMatch == null);
    }

    @PATCH
    @Path("/{key}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Change some of an incident's facts", description = "A JSON merge patch (RFC 7396): a member"
            + " sets a fact, null removes it. Needs If-Match with the incident's ETag.")
    public Uni<RestResponse<Incident>> patch(@RestPath String key, byte[] body, @RestHeader("If-Match") String ifMatch,
            @RestHeader("X-Client-Id") String clientId, @Context SecurityContext security) {
        JsonNode patch = JsonBodies.read(mapper, body, limits.maxBodyBytes());
        return answer(incidents.patch(key, patch, ifMatch, Callers.of(security, clientId)), false);
    }

    @POST
    @Path("/{key}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Record that an incident ended, and decide it a last time", description = "Body (optional):"
            + " {\"resolvedAt\": instant}, now when absent. The last decision (trigger RESOLVE) takes the duration"
            + " from startedAt to resolvedAt. Needs If-Match.")
    public Uni<RestResponse<Incident>> resolve(@RestPath String key, byte[] body, @RestHeader("If-Match") String ifMatch,
            @RestHeader("X-Client-Id") String clientId, @Context SecurityContext security) {
        Instant resolvedAt = null;
        if (body != null && body.length > 0) {
            JsonNode given = JsonBodies.read(mapper, body, limits.maxBodyBytes());
            if (given.isNull()) { // a JSON null, as generated clients send for no body: the same as none
                given = mapper.createObjectNode();
            }
            JsonNode at = given.get("resolvedAt");
            if (!given.isObject() || at != null && !at.isNull() && (!at.isTextual() || instant(at.textValue()) == null)) {
                throw InvalidRequestException.of(List.of(FieldError.rejected("resolvedAt",
                        "resolvedAt must be an ISO-8601 instant such as 2026-01-01T10:00:00Z", at)));
            }
            resolvedAt = at == null || at.isNull() ? null : instant(at.textValue());
        }
        return answer(incidents.resolve(key, resolvedAt, ifMatch, Callers.of(security, clientId)), false);
    }

    @POST
    @Path("/{key}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_RESPONDER)
    @Operation(summary = "Set an incident's severity by hand, with a reason", description = "Body: {\"severity\","
            + " \"reason\"}. Recorded in the chain (trigger OVERRIDE) beside the engine's own outcome, which keeps"
            + " being computed and shown (engineSeverity).")
    public Uni<RestResponse<Incident>> override(@RestPath String key, byte[] body,
            @RestHeader("X-Client-Id") String clientId, @Context SecurityContext security) {
        JsonNode given = object(body);
        return answer(incidents.override(key, text(given, "severity"), text(given, "reason"),
                Callers.of(security, clientId)), false);
    }

    @POST
    @Path("/{key}/override/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_RESPONDER)
    @Operation(summary = "Lift an incident's override, with a reason", description = "Body: {\"reason\"}. The"
            + " engine's severity is in force again.")
    public Uni<RestResponse<Incident>> lift(@RestPath String key, byte[] body,
            @RestHeader("X-Client-Id") String clientId, @Context SecurityContext security) {
        return answer(incidents.lift(key, text(object(body), "reason"), Callers.of(security, clientId)), false);
    }

    private JsonNode object(byte[] body) {
        JsonNode given = body == null || body.length == 0 ? mapper.createObjectNode()
                : JsonBodies.read(mapper, body, limits.maxBodyBytes());
        if (!given.isObject()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON object")));
        }
        return given;
    }

    /** A text member, or null when absent; a member of another type is refused, naming it. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw InvalidRequestException.of(List.of(FieldError.rejected(field, field + " must be text", v)));
        }
        return v == null || v.isNull() ? null : v.textValue();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "An incident now: severity, basis, response targets with their due instants and clocks,"
            + " next escalation, facts and the latest decision id")
    public RestResponse<Incident> get(@RestPath String key) {
        Incident incident = incidents.get(key);
        return RestResponse.ResponseBuilder.ok(incident).header("ETag", incident.etag()).build();
    }

    @GET
    @Path("/{key}/timeline")
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "Every decision about an incident in order, and every event they caused")
    public Timeline timeline(@RestPath String key) {
        return incidents.timeline(key);
    }

    @GET
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "Search incidents by state, severity, caller and time of their last change",
            description = "from/to bound the last change (ISO-8601 instants); at most limit (1-1000, default 100)"
                    + " incidents, the most recently changed first.")
    public IncidentPage search(@RestQuery String state, @RestQuery String severity, @RestQuery String caller,
            @RestQuery String from, @RestQuery String to, @RestQuery Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        IncidentState s = null;
        if (state != null) {
            try {
                s = IncidentState.valueOf(state);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.rejected("state", "state is OPEN or RESOLVED", state));
            }
        }
        Instant f = bound("from", from, errors);
        Instant t = bound("to", to, errors);
        if (limit != null && (limit < 1 || limit > 1000)) {
            errors.add(FieldError.rejected("limit", "limit is from 1 to 1000", limit));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        List<Incident> found = incidents.search(new IncidentQuery(s, severity, caller, f, t, limit == null ? 100 : limit));
        return new IncidentPage(found, found.size());
    }

    private static Uni<RestResponse<Incident>> answer(CompletableFuture<Incident> changed, boolean mayCreate) {
        return Uni.createFrom().completionStage(changed).map(i -> {
            var status = mayCreate && i.revision() == 1 && i.decisions() == 1 ? RestResponse.Status.CREATED
                    : RestResponse.Status.OK;
            return RestResponse.ResponseBuilder.create(status, i).header("ETag", i.etag())
                    .header("X-Decision-Id", i.latestDecisionId())
                    .header("Location", "/api/v1/incidents/" + i.key()).build();
        });
    }

    private static Instant bound(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        Instant at = instant(value);
        if (at == null) {
            errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant such as 2026-01-01T10:00:00Z", value));
        }
        return at;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
