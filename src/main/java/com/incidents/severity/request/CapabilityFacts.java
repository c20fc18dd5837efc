package com.incidents.severity.request;

import static com.incidents.severity.engine.model.PolicyContract.CAPABILITY_BASIS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * The facts the capability framework needs, required only when the engine's outcome says the
 * policy applied that framework (its basis is CAPABILITY, or a DRL rule set that basis before a
 * later rule changed it). Which framework applies is the policy's decision, not this class's: it
 * reads the outcome and never repeats the rules that choose.
 */
public final class CapabilityFacts {

    private CapabilityFacts() {
    }

    /** Refuses the request, naming every missing field at once, when {@link #missing} finds any. */
    public static void require(DecisionRequest request, Outcome outcome) {
        List<FieldError> missing = missing(request, outcome);
        if (!missing.isEmpty()) {
            throw InvalidRequestException.of(missing);
        }
    }

    /**
     * The capability facts the request lacks although the policy assessed it by capability; empty
     * when the framework did not apply or every fact is given. A request that gives none of them
     * but partner reports rests on the reports alone, as it always could.
     */
    public static List<FieldError> missing(DecisionRequest request, Outcome outcome) {
        return missing(request, outcome, Set.of());
    }

    /** The request fields that are facts of the engine but not of the capability framework. */
    private static final Set<String> OTHER_FACTS = Set.of("impactLevel", "affectedUsers", "affectedApps",
            "partnerReports");

    /**
     * Whether the engine's outcome on the valid fields of a refused request can say which capability
     * facts it lacks: only when no other fact was refused. A refused count, level or report number
     * is a fact the engine has not seen; which framework applies may depend on its value, so the
     * capability facts are judged once it is valid, rather than claimed missing on a guess.
     */
    public static boolean judgeable(Set<String> refused) {
        return refused.stream().noneMatch(OTHER_FACTS::contains);
    }

    /**
     * The same for a request with refused fields, asked of the engine's outcome on its valid
     * fields, so a caller learns in one answer what is wrong and what is missing. A refused field
     * counts as given (it has its own error); the message says the assessment was made without it.
     */
    public static List<FieldError> missing(DecisionRequest request, Outcome outcome, Set<String> refused) {
        if (!CAPABILITY_BASIS.equals(outcome.basis()) && !outcome.chose(CAPABILITY_BASIS)) {
            return List.of();
        }
        Facts f = request.facts();
        boolean capabilityGiven = f.capability() != null || f.statedTier() != null || refused.contains("capability")
                || refused.contains("capabilityTier");
        boolean typeGiven = f.incidentType() != null || refused.contains("incidentType");
        boolean durationGiven = f.durationMinutes() != null || refused.contains("durationMinutes")
                || refused.contains("startedAt");
        if (!capabilityGiven && !typeGiven && !durationGiven
                && (f.partnerReports() != null || refused.contains("partnerReports"))) {
            return List.of();
        }
        String why = " is required: the policy in force assessed this request"
                + (refused.isEmpty() ? "" : ", on its valid fields,") + " with the capability framework";
        List<FieldError> errors = new ArrayList<>();
        if (!capabilityGiven) {
            errors.add(FieldError.of("capability", "capability or capabilityTier" + why));
        }
        if (!typeGiven) {
            errors.add(FieldError.of("incidentType", "incidentType" + why));
        }
        if (!durationGiven) {
            errors.add(FieldError.of("durationMinutes", "durationMinutes or startedAt" + why));
        }
        return errors;
    }
}
