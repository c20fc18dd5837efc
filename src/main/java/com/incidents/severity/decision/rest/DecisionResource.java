package com.incidents.severity.decision.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.decision.DecisionLimits;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.BatchItem;
import com.incidents.severity.decision.model.BatchResult;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.problem.ErrorIds;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.Uni;
import com.incidents.severity.security.Roles;

@Path("/api/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private static final Logger LOG = Logger.getLogger(DecisionResource.class);

    @Inject
    DecisionLimits limits;

    @Inject
    DecisionService decisions;

    @Inject
    ObjectMapper mapper;

    /**
     * Runs on the event loop only as far as answering from what the engine already decided for
     * exactly these facts ({@link DecisionService#decideRemembered}); the engine itself, and the
     * checks of a refused request (capability suggestions included), run on a worker thread.
     */
    @POST
    @NonBlocking
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Decide the severity of an incident", description = "Answered once the decision is recorded in the audit trail.")
    public Uni<RestResponse<Decision>> decide(byte[] body, @Context SecurityContext security,
            @RestHeader("X-Client-Id") String clientId) {
        JsonNode request = JsonBodies.read(mapper, body, limits.maxBodyBytes());
        Caller caller = Callers.of(security, clientId);
        PolicyEngine engine = decisions.policyInForce();
        Optional<DecisionRequest> valid = decisions.validRequest(engine, request);
        Uni<Decision> decided = valid.flatMap(checked -> decisions.decideRemembered(engine, checked, caller))
                .map(remembered -> Uni.createFrom().completionStage(remembered))
                .orElseGet(() -> Uni.createFrom().completionStage(() -> valid.isPresent()
                        ? decisions.decide(engine, valid.get(), caller) // checked once, on the event loop
                        : decisions.decide(engine, request, caller))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        return decided.onFailure(CompletionException.class).transform(Throwable::getCause)
                .map(d -> RestResponse.ResponseBuilder.ok(d).header("X-Decision-Id", d.decisionId()).build());
    }

    @POST
    @Path("/batch")
    @Blocking
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Operation(summary = "Decide up to 1,000 incidents at once", description = "Each request is answered or rejected on its own, in request order.")
    public Uni<BatchResult> batch(byte[] body, @Context SecurityContext security,
            @RestHeader("X-Client-Id") String clientId) {
        JsonNode requests = JsonBodies.read(mapper, body, limits.maxBatchBytes());
        if (!requests.isArray()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON array of decision requests")));
        }
        if (requests.size() > limits.maxBatchItems()) {
            throw InvalidRequestException.tooLarge("The batch has " + requests.size() + " requests; at most "
                    + limits.maxBatchItems() + " are accepted");
        }
        Caller caller = Callers.of(security, clientId);
        PolicyEngine engine = decisions.policyInForce(); // one version for the whole batch, even across a reload
        List<CompletableFuture<BatchItem>> items = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            items.add(item(engine, i, requests.get(i), caller));
        }
        CompletableFuture<BatchResult> all = CompletableFuture.allOf(items.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<BatchItem> results = items.stream().map(CompletableFuture::join).toList();
                    int rejected = (int) results.stream().filter(r -> r.decision() == null).count();
                    return new BatchResult(results.size() - rejected, rejected, results);
                });
        return Uni.createFrom().completionStage(all);
    }

    private CompletableFuture<BatchItem> item(PolicyEngine engine, int index, JsonNode request, Caller caller) {
        try {
            return decisions.decide(engine, request, caller)
                    .thenApply(d -> new BatchItem(index, 200, d, null))
                    .exceptionally(e -> failed(index, e instanceof CompletionException ? e.getCause() : e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(index, e));
        }
    }

    /**
     * An item that failed answers with its own problem: the one an application error carries (a
     * refused request, an unavailable audit trail, a failed evaluation), else a bug's 500 with the
     * id its stack trace is logged under.
     */
    private static BatchItem failed(int index, Throwable e) {
        Problem problem = e instanceof ProblemException known ? known.problem()
                : Problem.internal(ErrorIds.logged(LOG, e, "Unexpected error deciding item " + index + " of a batch"));
        return new BatchItem(index, problem.status(), null, problem);
    }
}
