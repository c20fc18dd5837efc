package com.incidents.severity.console.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.model.Delivery;

/** One delivery of a webhook as the subscriptions page says it: what was sent, and how it went, in words. */
public record DeliveryLine(String id, String incident, String event, String state, String outcome, String nextTry,
        List<String> attempts, boolean requeueable) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static DeliveryLine of(Delivery d) {
        int n = d.attemptCount();
        String outcome = switch (d.state()) {
            case DELIVERED -> "Delivered" + (d.deliveredAt() == null ? "" : " at " + at(d.deliveredAt()))
                    + (n > 1 ? " after " + n + " attempts" : "");
            case FAILED -> "Failed after " + n + (n == 1 ? " attempt" : " attempts");
            case PENDING -> n == 0 ? "Waiting to be sent" : "Failed " + (n == 1 ? "once" : n + " times") + " so far";
        };
        return new DeliveryLine(d.id(), d.incident(), SubscriptionView.eventWords(d.eventType()), d.state().name(), outcome,
                d.nextAttemptAt() == null || n == 0 ? null : at(d.nextAttemptAt()),
                d.attempts().stream().map(DeliveryLine::attempt).toList(), d.state() != com.incidents.severity.webhook.model.DeliveryState.PENDING);
    }

    private static String attempt(Attempt a) {
        String what = a.status() == null ? "No answer: " + a.error()
                : a.succeeded() ? "Answered " + a.status() + " (delivered)"
                        : a.status() >= 300 && a.status() < 400 ? "Answered " + a.status() + " (a redirect, not followed)"
                                : "Answered " + a.status();
        return "Attempt " + a.n() + " at " + at(a.at()) + ": " + what + ", in " + a.millis() + " ms";
    }

    static String at(Instant t) {
        return TIME.format(t);
    }
}
