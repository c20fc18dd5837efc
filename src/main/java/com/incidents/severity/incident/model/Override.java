package com.incidents.severity.incident.model;

import java.time.Instant;

/** A severity set by hand by an incident responder, with the reason, who and when. */
public record Override(String severity, String reason, String by, Instant at) {
}
