package com.incidents.severity.audit.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.model.ChangePage;
import com.incidents.severity.audit.service.ChangeFilterParams;
import com.incidents.severity.audit.service.ChangeHistory;
import com.incidents.severity.audit.service.DecisionSearch;
import com.incidents.severity.audit.service.RecordFilters;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.security.Roles;

/** The change history of the policy in force, from the audit chain. */
@Path("/api/v1/policy/changes")
@RolesAllowed({ Roles.POLICY_EDITOR, Roles.AUDITOR })
public class PolicyChangeResource {

    @Inject
    ChangeHistory history;

    @Inject
    RecordFilters filters;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes of the policy in force, newest first", description = "Filters combine; pass nextCursor as cursor for the next page.")
    public ChangePage list(@RestQuery String kind, @RestQuery String author, @RestQuery String person,
            @RestQuery String from, @RestQuery String to, @RestQuery String limit, @RestQuery String cursor)
            throws Exception {
        List<FieldError> errors = new ArrayList<>();
        ChangeHistory.ChangeFilter filter = ChangeFilterParams.filter(kind, author, person,
                filters.window(from, to, errors), errors);
        int size = filters.pageSize(limit, errors);
        Long before = filters.cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return history.page(filter, before, size);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One change, whole", description = "Who made, approved and published it, why, the versions before and after, its row diff and its place in the hash chain.")
    public ObjectNode get(@PathParam("id") String id) throws Exception {
        ChangeHistory.Change change = history.find(id).orElseThrow(() -> DecisionSearch.noSuchChange(id));
        ObjectNode body = json.valueToTree(change.record());
        body.put("seq", change.seq());
        body.put("prevHash", change.prevHash());
        body.put("hash", change.hash());
        return body;
    }
}
