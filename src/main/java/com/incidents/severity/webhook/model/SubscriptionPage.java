package com.incidents.severity.webhook.model;

import java.util.List;

/** Subscriptions, the newest first. */
public record SubscriptionPage(List<Subscription> subscriptions, int count) {
}
