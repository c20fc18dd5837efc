package com.incidents.severity.console.view;

/** How many decisions of the search have this outcome. */
public record Count(String severity, long count) {
}
