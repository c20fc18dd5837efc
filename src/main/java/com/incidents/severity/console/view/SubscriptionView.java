package com.incidents.severity.console.view;

import java.util.List;
import java.util.Map;

import com.incidents.severity.incident.service.IncidentEvents;
import com.incidents.severity.webhook.model.Delivery;
import com.incidents.severity.webhook.model.Subscription;

/** A subscription as the subscriptions page shows it: where events go, which, and the latest deliveries. */
public record SubscriptionView(String id, String url, List<String> events, String owner, String since, boolean mine,
        List<DeliveryLine> deliveries, long failed) {

    private static final Map<String, String> WORDS = Map.of(
            IncidentEvents.SEVERITY_CHANGED, "Severity changed",
            IncidentEvents.ESCALATION_CHANGED, "Next escalation changed",
            IncidentEvents.TARGET_MISSED, "Response target missed",
            IncidentEvents.RESOLVED, "Incident resolved",
            IncidentEvents.OVERRIDE_SET, "Severity set by hand",
            IncidentEvents.OVERRIDE_LIFTED, "Severity by hand lifted");

    public static SubscriptionView of(Subscription s, List<Delivery> deliveries, String reader) {
        List<DeliveryLine> lines = deliveries.stream().map(DeliveryLine::of).toList();
        return new SubscriptionView(s.id(), s.url(), s.events().stream().map(SubscriptionView::eventWords).toList(),
                s.owner(), DeliveryLine.at(s.createdAt()), s.owner().equals(reader), lines,
                lines.stream().filter(l -> l.state().equals("FAILED")).count());
    }

    static String eventWords(String type) {
        return WORDS.getOrDefault(type, type);
    }
}
