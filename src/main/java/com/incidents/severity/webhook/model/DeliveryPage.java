package com.incidents.severity.webhook.model;

import java.util.List;

/** A subscription's deliveries, the latest event first. */
public record DeliveryPage(List<Delivery> deliveries, int count) {
}
