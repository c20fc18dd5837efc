package com.incidents.severity.console.view;

/** A labelled value of a page's description list. */
public record Field(String label, String value) {
}
