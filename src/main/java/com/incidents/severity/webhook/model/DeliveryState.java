package com.incidents.severity.webhook.model;

/** A delivery is PENDING until a 2xx answer (DELIVERED) or until its last allowed attempt failed (FAILED). */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED
}
