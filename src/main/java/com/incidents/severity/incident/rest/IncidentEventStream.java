package com.incidents.severity.incident.rest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import com.incidents.severity.incident.service.IncidentEvents;
import com.incidents.severity.incident.store.IncidentStore;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;
import com.incidents.severity.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The incidents' events as Server-Sent Events, read from the outbox in commit order: each SSE
 * event's id is its place in that order, so a client that reconnects with {@code Last-Event-ID}
 * gets every event after the last one it saw, none twice. A comment every 15 seconds keeps an
 * idle stream open through the server's idle timeout and proxies.
 */
@Path("/api/v1/incidents/events")
public class IncidentEventStream {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    IncidentStore store;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.DECISION_CLIENT, Roles.AUDITOR })
    @Operation(summary = "The incidents' events as a Server-Sent Events stream")
    public Multi<OutboundSseEvent> events(@RestQuery String incident, @RestQuery List<String> type,
            @RestHeader("Last-Event-ID") String lastEventId, @Context Sse sse) {
        List<FieldError> errors = new ArrayList<>();
        long after = 0;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                errors.add(FieldError.rejected("Last-Event-ID", "Last-Event-ID is the id of an event of this stream", lastEventId));
            }
        }
        List<String> types = type == null ? List.of() : type;
        for (String t : types) {
            if (!IncidentEvents.TYPES.contains(t)) {
                errors.add(new FieldError("type", "Unknown event type", t, IncidentEvents.TYPES));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        AtomicLong cursor = new AtomicLong(after);
        AtomicReference<Long> quietSince = new AtomicReference<>(System.nanoTime());
        read(cursor.get(), incident, types); // a store that does not answer fails the request, not the stream
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<OutboundSseEvent> out = new ArrayList<>();
                    for (IncidentStore.StoredEvent e : read(cursor.get(), incident, types)) {
                        out.add(sse.newEventBuilder().id(Long.toString(e.seq())).name(e.type())
                                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(e.cloudEvent()).build());
                        cursor.set(e.seq());
                    }
                    if (!out.isEmpty()) {
                        quietSince.set(System.nanoTime());
                    } else if (System.nanoTime() - quietSince.get() > HEARTBEAT.toNanos()) {
                        quietSince.set(System.nanoTime());
                        out.add(sse.newEventBuilder().comment("still here").build());
                    }
                    return out;
                });
    }

    private List<IncidentStore.StoredEvent> read(long after, String incident, List<String> types) {
        try {
            return store.eventsAfter(after, incident, types, 500);
        } catch (SQLException e) {
            throw new ProblemException(Problem.of("store-unavailable", "The incident store is unavailable", 503,
                    "The database did not answer; reconnect with Last-Event-ID shortly"), e);
        }
    }
}
