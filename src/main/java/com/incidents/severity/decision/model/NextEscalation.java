package com.incidents.severity.decision.model;

import java.time.Instant;

/** When an ongoing incident, unresolved, reaches a more severe outcome through its duration alone. */
public record NextEscalation(Instant at, String severity, long afterMinutes) {
}
