package com.incidents.severity.incident.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one decision does to an incident, written in the transaction of its audit record: the
 * incident after it, its timeline entry, the events it causes and the work it leaves due.
 * {@code expectedRevision} (null: any) and {@code expectedDecisions} (0: the incident must not
 * exist yet) are what the change was made from; if the stored incident has moved, it is refused.
 */
public record IncidentChange(Incident after, int expectedDecisions, Integer expectedRevision, TimelineEntry entry,
        List<ObjectNode> events, List<Due> due) {
}
