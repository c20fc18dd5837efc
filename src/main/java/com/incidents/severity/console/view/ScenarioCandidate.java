package com.incidents.severity.console.view;

/**
 * An override on an incident's timeline as a candidate scenario row for the policy's editors: the
 * scenario file it belongs in and the row itself (with the files' header), the severity a
 * responder set and the one the policy gives.
 */
public record ScenarioCandidate(int n, String decisionId, String file, String csv, String severity,
        String engineSeverity) {
}
