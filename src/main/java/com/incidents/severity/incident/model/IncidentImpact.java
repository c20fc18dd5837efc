package com.incidents.severity.incident.model;

import java.time.Instant;
import java.util.List;

/**
 * What a candidate policy would do to the open incidents now: each open incident decided at this
 * instant under the policy in force and under the candidate, and those whose severity or next
 * escalation would differ.
 *
 * @param checked open incidents decided under both (the most recently updated first)
 * @param more whether there are more open incidents than were checked
 * @param changes the incidents that would change, each with both answers
 */
public record IncidentImpact(Instant at, int checked, boolean more, List<Change> changes) {

    /**
     * One open incident the candidate would change. {@code candidateSeverity} is null with
     * {@code refusedByCandidate} saying why where the candidate refuses its facts. {@code overridden}
     * names the severity a responder set by hand, which a re-decision keeps.
     */
    public record Change(String key, String currentSeverity, String inForceSeverity, String candidateSeverity,
            Instant inForceNextAt, String inForceNextSeverity, Instant candidateNextAt, String candidateNextSeverity,
            boolean severityChanges, boolean escalationChanges, String overridden, String refusedByCandidate) {
    }
}
