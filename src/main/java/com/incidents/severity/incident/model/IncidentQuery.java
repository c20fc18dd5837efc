package com.incidents.severity.incident.model;

import java.time.Instant;

/** A search of incidents: each criterion may be null; {@code from}/{@code to} bound the last update. */
public record IncidentQuery(IncidentState state, String severity, String caller, Instant from, Instant to,
        int limit) {
}
