package com.incidents.severity.webhook.model;

import java.time.Instant;
import java.util.List;

/** A subscriber's URL and the event types it is sent; its secret is never part of it (nor of any answer). */
public record Subscription(String id, String owner, String url, List<String> events, Instant createdAt) {
}
