package com.incidents.severity.audit.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.engine.FiredRule;
import com.incidents.severity.engine.Outcome;

/**
 * A recorded decision evaluated again: under the policy version that made it (does it reproduce?)
 * and under the policy in force now (would it change, and how?).
 */
public record ReplayReport(String decisionId, Outcome recorded, Outcome underRecordedVersion, Outcome underCurrentPolicy,
        boolean reproducible, boolean unchanged, List<String> differences) {

    /** One evaluation's outcome; {@code error} when the request no longer passes or the policy failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String policyVersion, String severity, String basis, List<FiredRule> firedRules, String error) {
    }
}
