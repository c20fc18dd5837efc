package com.incidents.severity.request;

import static com.incidents.severity.engine.model.PolicyContract.CAPABILITY_BASIS;

import java.util.ArrayList;
import java.util.List;

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
        if (!CAPABILITY_BASIS.equals(outcome.basis()) && !outcome.chose(CAPABILITY_BASIS)) {
            return List.of();
        }
        Facts f = request.facts();
        boolean anyGiven = f.capability() != null || f.statedTier() != null || f.incidentType() != null
                || f.durationMinutes() != null;
        if (!anyGiven && f.partnerReports() != null) {
            return List.of();
        }
        String why = " is required: the policy in force assessed this request with the capability framework";
        List<FieldError> errors = new ArrayList<>();
        if (f.capability() == null && f.statedTier() == null) {
            errors.add(FieldError.of("capability", "capability or capabilityTier" + why));
        }
        if (f.incidentType() == null) {
            errors.add(FieldError.of("incidentType", "incidentType" + why));
        }
        if (f.durationMinutes() == null) {
            errors.add(FieldError.of("durationMinutes", "durationMinutes or startedAt" + why));
        }
        return errors;
    }
}
