package com.incidents.severity.decision.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.decision.model.BatchItem;
import com.incidents.severity.decision.model.BatchResult;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.model.DecisionRequestBody;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

import io.smallrye.common.annotation.NonBlocking;

@Path("/api/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    static final int MAX_DECISION_BYTES = 64 * 1024;
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    static final int MAX_BATCH_ITEMS = 1000;

    @Inject
    DecisionService decisions;

    @Inject
    ObjectMapper mapper;

    @POST
    @NonBlocking
    @Operation(summary = "Decide the severity of an incident")
    @RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequestBody.class)))
    public RestResponse<Decision> decide(byte[] body) {
        Decision decision = decisions.decide(JsonBodies.read(mapper, body, MAX_DECISION_BYTES));
        return RestResponse.ResponseBuilder.ok(decision).header("X-Decision-Id", decision.decisionId()).build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Decide up to 1,000 incidents at once", description = "Each request is answered or rejected on its own, in request order.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequestBody[].class)))
    public BatchResult batch(byte[] body) {
        JsonNode requests = JsonBodies.read(mapper, body, MAX_BATCH_BYTES);
        if (!requests.isArray()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON array of decision requests")));
        }
        if (requests.size() > MAX_BATCH_ITEMS) {
            throw InvalidRequestException.tooLarge("The batch has " + requests.size() + " requests; at most "
                    + MAX_BATCH_ITEMS + " are accepted");
        }
        List<BatchItem> items = new ArrayList<>(requests.size());
        int rejected = 0;
        for (int i = 0; i < requests.size(); i++) {
            try {
                items.add(new BatchItem(i, 200, decisions.decide(requests.get(i)), null));
            } catch (InvalidRequestException e) {
                items.add(new BatchItem(i, e.problem().status(), null, e.problem()));
                rejected++;
            }
        }
        return new BatchResult(items.size() - rejected, rejected, items);
    }
}
