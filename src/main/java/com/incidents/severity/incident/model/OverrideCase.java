package com.incidents.severity.incident.model;

import java.util.Map;

/**
 * A disagreement with the policy, as a case for its editors: the facts the engine decided when a
 * responder set an incident's severity by hand (as the engine saw them, named as the scenario
 * files' columns), the severity the responder set, the engine's own, and why.
 *
 * @param facts the decided facts by scenario column ({@code impactLevel}, {@code capabilityTier}, ...), absent ones left out
 */
public record OverrideCase(String key, String decisionId, String severity, String engineSeverity, String reason,
        String by, Map<String, String> facts) {
}
