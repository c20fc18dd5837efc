package com.incidents.severity.incident.model;

import java.util.List;

/** Incidents found, most recently updated first. */
public record IncidentPage(List<Incident> incidents, int count) {
}
