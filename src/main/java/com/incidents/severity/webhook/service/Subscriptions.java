package com.incidents.severity.webhook.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.incident.service.IncidentEvents;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;
import com.incidents.severity.webhook.WebhookRefusedException;
import com.incidents.severity.webhook.model.Delivery;
import com.incidents.severity.webhook.model.Subscription;
import com.incidents.severity.webhook.store.WebhookStore;

/**
 * Subscriptions to the incidents' events: made, read and ended by the decision-client that owns
 * them; an auditor reads everyone's. A subscription of someone else is answered as one that does
 * not exist (404), so its existence is not told.
 */
@ApplicationScoped
public class Subscriptions {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    public static final int MAX_URL = 2000;
    private static final Set<String> FIELDS = Set.of("url", "events", "secret");

    /** Who asks: the principal's name, and whether it may read every subscription. */
    public record Reader(String name, boolean auditor) {
    }

    @Inject
    WebhookStore store;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    /** Checks the body, naming every offending field at once, and stores the subscription. */
    public Subscription subscribe(JsonNode body, String owner) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(List.of(FieldError.of("body", "The body must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name.length() > 40 ? name.substring(0, 40) + "..." : name, "Unknown field",
                        null, List.copyOf(FIELDS)));
            }
        }
        JsonNode url = body.get("url");
        if (url == null || url.isNull() || !url.isTextual() || url.textValue().isBlank()) {
            errors.add(FieldError.rejected("url", "url is required: the https (or http) URL to send the events to",
                    url == null || url.isNull() ? null : url));
        } else if (url.textValue().length() > MAX_URL) {
            errors.add(FieldError.of("url", "url is longer than " + MAX_URL + " characters"));
        } else {
            sender.targets().refusal(url.textValue().strip())
                    .ifPresent(why -> errors.add(FieldError.rejected("url", why, url.textValue())));
        }
        JsonNode events = body.get("events");
        Set<String> types = new LinkedHashSet<>();
        if (events == null || events.isNull() || !events.isArray() || events.isEmpty()) {
            errors.add(new FieldError("events", "events must name at least one event type", null, IncidentEvents.TYPES));
        } else {
            for (JsonNode e : events) {
                if (!e.isTextual() || !IncidentEvents.TYPES.contains(e.textValue())) {
                    errors.add(new FieldError("events", "Unknown event type", e, IncidentEvents.TYPES));
                } else {
                    types.add(e.textValue());
                }
            }
        }
        JsonNode secret = body.get("secret");
        if (secret == null || secret.isNull() || !secret.isTextual()) {
            errors.add(FieldError.of("secret", "secret is required: text of at least " + MIN_SECRET
                    + " characters that signs every delivery"));
        } else if (secret.textValue().length() < MIN_SECRET) { // the value is never echoed
            errors.add(FieldError.of("secret", "secret must be at least " + MIN_SECRET + " characters"));
        } else if (secret.textValue().length() > MAX_SECRET) {
            errors.add(FieldError.of("secret", "secret must be at most " + MAX_SECRET + " characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        Subscription s = new Subscription(WebhookStore.newId(), owner, url.textValue().strip(), List.copyOf(types),
                clock.instant());
        write(() -> {
            store.create(s, secret.textValue());
            return null;
        });
        return s;
    }

    public List<Subscription> list(Reader reader) {
        return read(() -> store.list(reader.auditor() ? null : reader.name(), 1000));
    }

    /** The subscription, if the reader may see it; a 404 otherwise. */
    public Subscription get(String id, Reader reader) {
        Subscription s = read(() -> store.find(id)).orElseThrow(() -> WebhookRefusedException.notFound(id));
        if (!reader.auditor() && !s.owner().equals(reader.name())) {
            throw WebhookRefusedException.notFound(id);
        }
        return s;
    }

    /** Ends the owner's subscription. */
    public void delete(String id, String owner) {
        get(id, new Reader(owner, false));
        write(() -> store.deactivate(id));
    }

    /** A subscription's latest deliveries (the events fanned out so far), each with its attempts. */
    public List<Delivery> deliveries(String id, Reader reader, int limit) {
        get(id, reader);
        return read(() -> store.deliveries(id, limit));
    }

    /** Queues a delivery of the owner's subscription again, due now, with a fresh budget of attempts. */
    public void redeliver(String deliveryId, String owner) {
        String subscription = read(() -> store.subscriptionOf(deliveryId))
                .orElseThrow(() -> WebhookRefusedException.deliveryNotFound(deliveryId));
        try {
            get(subscription, new Reader(owner, false));
        } catch (WebhookRefusedException e) {
            throw WebhookRefusedException.deliveryNotFound(deliveryId);
        }
        write(() -> store.requeue(deliveryId, clock.instant()));
    }

    /** The events a subscription may name. */
    public static List<String> eventTypes() {
        return IncidentEvents.TYPES;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static <T> T write(Work<T> work) {
        return read(work);
    }

    private static ProblemException unavailable(SQLException e) {
        return new ProblemException(Problem.of("store-unavailable", "The subscription store is unavailable", 503,
                "The database did not answer; try again shortly"), e);
    }
}
