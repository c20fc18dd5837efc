package com.incidents.severity.audit.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.ReplayReport;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.audit.service.DecisionSearch;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.audit.service.ReplayService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.security.Roles;

/** The audit trail for auditors: list, read, export and replay recorded decisions. */
@Path("/api/v1/decisions")
@RolesAllowed(Roles.AUDITOR)
public class DecisionRecordResource {

    /**
     * A decision id (a UUID). Constrained so that {@code /batch} and {@code /export} are never read
     * as ids: a GET on the POST-only {@code /batch} is a 405, not "No such decision".
     */
    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    AuditQueryService audit;

    @Inject
    ReplayService replays;

    @Inject
    DecisionSearch search;

    @Inject
    RecordFilters filters;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recorded decisions, newest first", description = "Filters combine; pass nextCursor as cursor for the next page. With change, only the decisions made since that policy change under a row it added or edited.")
    public RecordPage list(@RestQuery String from, @RestQuery String to, @RestQuery String severity,
            @RestQuery String basis, @RestQuery String policyVersion, @RestQuery String capability,
            @RestQuery String caller, @RestQuery String clientLabel, @RestQuery String change, @RestQuery String limit,
            @RestQuery String cursor) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filters.filter(from, to, severity, basis, policyVersion, capability, caller, clientLabel, errors);
        int size = filters.pageSize(limit, errors);
        Long before = filters.cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return search.page(filter, change == null || change.isBlank() ? null : change.strip(), before, size);
    }

    @GET
    @Path("/" + ID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One recorded decision, whole", description = "Inputs, facts, every table with its evaluated inputs and matched rows, DRL rules, result, error, and its place in the hash chain.")
    public ObjectNode get(@PathParam("id") String id) throws Exception {
        return audit.record(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", "application/x-ndjson" })
    @Operation(summary = "Export recorded decisions (csv or jsonl), streamed, oldest first")
    public Response export(@RestQuery String format, @RestQuery String from,
            @RestQuery String to, @RestQuery String severity, @RestQuery String basis,
            @RestQuery String policyVersion, @RestQuery String capability, @RestQuery String caller,
            @RestQuery String clientLabel) {
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filters.filter(from, to, severity, basis, policyVersion, capability, caller, clientLabel, errors);
        String kind = Exports.format(format, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return Exports.export(audit, filter, kind);
    }

    @POST
    @Path("/" + ID + "/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a recorded decision again", description = "Under the policy version that made it and under the policy in force, with the differences.")
    public ReplayReport replay(@PathParam("id") String id) throws Exception {
        return replays.replay(audit.storedRecord(id).orElseThrow(() -> notFound(id)));
    }

    private static InvalidRequestException notFound(String id) {
        return new InvalidRequestException(Problem.of("not-found", "No such decision", 404,
                "No decision " + id + " is recorded"));
    }
}
