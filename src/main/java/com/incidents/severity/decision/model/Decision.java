package com.incidents.severity.decision.model;

import java.time.Instant;
import java.util.List;

import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.FiredRule;

/** The answer to one decision request: the outcome, why, and under which policy version. */
public record Decision(String decisionId, String severity, String basis, String impactSeverity,
        String capabilitySeverity, String escalationSeverity, String capabilityTier, ResponseTargets responseTargets,
        NextEscalation nextEscalation, List<FiredRule> firedRules, List<String> explanation, String policyVersion,
        Instant decidedAt, Facts facts) {
}
