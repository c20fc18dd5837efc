package com.incidents.severity.incident.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Every decision about an incident in order, and every event they caused (CloudEvents), in order. */
public record Timeline(String key, List<TimelineEntry> decisions, List<JsonNode> events) {
}
