package com.incidents.severity.audit.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.ReplayReport;
import com.incidents.severity.audit.service.AuditQueryService;
import com.incidents.severity.audit.service.ReplayService;
import com.incidents.severity.engine.model.PolicyContract;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;

/** The audit trail for auditors: list, read, export and replay recorded decisions. */
@Path("/api/v1/decisions")
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
    AuditConfig config;

    @Inject
    PolicyService policies;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recorded decisions, newest first", description = "Filters combine; pass nextCursor as cursor for the next page.")
    public RecordPage list(@RestQuery String from, @RestQuery String to, @RestQuery String severity,
            @RestQuery String basis, @RestQuery String policyVersion, @RestQuery String capability,
            @RestQuery String caller, @RestQuery String limit, @RestQuery String cursor) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filter(from, to, severity, basis, policyVersion, capability, caller, severities(), errors);
        int size = pageSize(limit, errors);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                errors.add(FieldError.rejected("cursor", "cursor must be a nextCursor from an earlier page", cursor));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return audit.page(filter, before, size);
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
            @RestQuery String policyVersion, @RestQuery String capability, @RestQuery String caller) {
        List<FieldError> errors = new ArrayList<>();
        RecordFilter filter = filter(from, to, severity, basis, policyVersion, capability, caller, severities(), errors);
        String kind = format == null ? "jsonl" : format.toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("jsonl")) {
            errors.add(new FieldError("format", "format must be csv or jsonl", format, List.of("csv", "jsonl")));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        StreamingOutput body = audit.export(filter, kind.equals("csv"));
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"decisions." + kind + "\"").build();
    }

    @POST
    @Path("/" + ID + "/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a recorded decision again", description = "Under the policy version that made it and under the policy in force, with the differences.")
    public ReplayReport replay(@PathParam("id") String id) throws Exception {
        return replays.replay(audit.storedRecord(id).orElseThrow(() -> notFound(id)));
    }

    /** The page size: 50 when absent; a whole number from 1 to the configured maximum, else an error naming limit. */
    private int pageSize(String limit, List<FieldError> errors) {
        if (limit == null) {
            return 50;
        }
        int size;
        try {
            size = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = 0;
        }
        if (size < 1 || size > config.maxPageSize()) {
            errors.add(FieldError.rejected("limit", "limit must be a whole number from 1 to " + config.maxPageSize(), limit));
        }
        return size;
    }

    /** The severities of the policy in force, with NONE; null when no policy is loaded. */
    private List<String> severities() {
        if (!policies.loaded()) {
            return null;
        }
        List<String> severities = new ArrayList<>(policies.current().policy().inputTypes().severity().values());
        if (severities.stream().noneMatch(PolicyContract.NONE::equalsIgnoreCase)) {
            severities.add(PolicyContract.NONE);
        }
        return severities;
    }

    private static InvalidRequestException notFound(String id) {
        return new InvalidRequestException(Problem.of("not-found", "No such decision", 404,
                "No decision " + id + " is recorded"));
    }

    /**
     * The filter of a listing or export. {@code severities} are the severities the policy in force
     * declares (its severity type's allowed values) with NONE; null when no policy is loaded, and
     * then any severity is passed on.
     */
    static RecordFilter filter(String from, String to, String severity, String basis, String policyVersion,
            String capability, String caller, List<String> severities, List<FieldError> errors) {
        if (severity != null && severities != null) {
            String given = severity.strip();
            String known = severities.stream().filter(s -> s.equalsIgnoreCase(given)).findFirst().orElse(null);
            if (known == null) {
                errors.add(new FieldError("severity", "severity must be one of " + String.join(", ", severities)
                        + " (the severities of the policy in force)", severity, severities));
            }
            severity = known;
        }
        if (basis != null && !List.of("IMPACT", "CAPABILITY", "ESCALATION", "NONE").contains(basis.toUpperCase())) {
            errors.add(new FieldError("basis", "basis must be IMPACT, CAPABILITY, ESCALATION or NONE", basis,
                    List.of("IMPACT", "CAPABILITY", "ESCALATION", "NONE")));
        }
        return new RecordFilter(instant("from", from, errors), instant("to", to, errors), severity, basis,
                policyVersion, capability, caller);
    }

    static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.rejected(field, field + " must be an ISO-8601 instant", value));
            return null;
        }
    }
}
