package com.incidents.severity.webhook.model;

import java.time.Instant;
import java.util.List;

/**
 * One event of the outbox to send to one subscription, with every attempt made. {@code attemptCount}
 * counts the attempts since it was queued (or requeued); {@code nextAttemptAt} is when a PENDING
 * delivery is tried next.
 */
public record Delivery(String id, String subscriptionId, String eventId, String eventType, String incident,
        long eventSeq, DeliveryState state, int attemptCount, Instant nextAttemptAt, Instant deliveredAt,
        List<Attempt> attempts) {
}
