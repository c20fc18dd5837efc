package com.incidents.severity.incident.model;

/** Whether the service still follows the incident over time. */
public enum IncidentState {
    OPEN, RESOLVED
}
