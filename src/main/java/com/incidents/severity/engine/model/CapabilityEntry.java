package com.incidents.severity.engine.model;

/** One capability of the catalog, as read from the catalog decision table. */
public record CapabilityEntry(String name, String tier, String catalog, String description) {
}
