package com.incidents.severity.draft.rest;

/** The body of an approval or a rejection: why. */
public record ReviewRequest(String comment) {
}
