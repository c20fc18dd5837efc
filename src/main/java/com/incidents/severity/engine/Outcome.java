package com.incidents.severity.engine;

import java.util.List;

/**
 * What the engine decided for one set of facts, with its full trace. Severities are null where
 * the policy assigns none. Immutable, so one outcome can answer every request of its input class.
 * {@code basesChosen} lists every basis the DRL rules set, in order (the last is {@code basis}):
 * e.g. CAPABILITY then ESCALATION when the capability framework applied and partner reports raised it.
 */
public record Outcome(String severity, String basis, String impactBand, String impactSeverity,
        String capabilitySeverity, String escalationSeverity, String capabilityTier, String capabilityCatalog,
        ResponseTargetSpec targets, List<FiredRule> firedRules, List<String> explanation, List<TableTrace> tables,
        List<String> basesChosen) {

    /** Whether a DRL rule set this basis at some point, even if a later rule changed it. */
    public boolean chose(String basis) {
        return basesChosen.contains(basis);
    }

    /** Same decision and same trace: what the fast path must reproduce exactly. */
    public boolean sameDecisionAs(Outcome other) {
        return other != null && java.util.Objects.equals(severity, other.severity)
                && java.util.Objects.equals(basis, other.basis)
                && java.util.Objects.equals(impactSeverity, other.impactSeverity)
                && java.util.Objects.equals(capabilitySeverity, other.capabilitySeverity)
                && java.util.Objects.equals(escalationSeverity, other.escalationSeverity)
                && java.util.Objects.equals(capabilityTier, other.capabilityTier)
                && java.util.Objects.equals(targets, other.targets)
                && firedRules.equals(other.firedRules)
                && basesChosen.equals(other.basesChosen)
                && explanation.equals(other.explanation);
    }
}
