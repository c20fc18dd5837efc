package com.incidents.severity.engine;

import static com.incidents.severity.engine.model.PolicyContract.*;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

/**
 * The fact types the DRL declares for itself ({@code severity.Assessment},
 * {@code severity.SeverityComparison}) and its query {@code "more severe"}. The rules import
 * nothing from the application, so the policy files alone say what they do.
 */
final class DrlFacts {

    private static final String PACKAGE = DRL_PACKAGE;
    private static final String ASSESSMENT = DRL_ASSESSMENT;
    private static final String COMPARISON = DRL_COMPARISON;
    private static final String MORE_SEVERE = DRL_MORE_SEVERE;

    /** More rule firings than this for one decision means rules that never settle: the decision fails. */
    static final int MAX_FIRINGS = 10_000;

    private final KieBase kieBase;
    private final FactType assessment;
    private final FactType comparison;

    DrlFacts(KieBase kieBase) {
        this.kieBase = kieBase;
        this.assessment = kieBase.getFactType(PACKAGE, ASSESSMENT);
        this.comparison = kieBase.getFactType(PACKAGE, COMPARISON);
    }

    Object assessment(String impactBand, String impactSeverity, String capabilitySeverity, String escalationSeverity) {
        try {
            Object fact = assessment.newInstance();
            assessment.set(fact, "impactBand", impactBand);
            assessment.set(fact, "impactSeverity", impactSeverity);
            assessment.set(fact, "capabilitySeverity", capabilitySeverity);
            assessment.set(fact, "escalationSeverity", escalationSeverity);
            assessment.set(fact, "severity", "NONE");
            return fact;
        } catch (ReflectiveOperationException e) {
            throw new EvaluationException("The DRL type " + PACKAGE + "." + ASSESSMENT + " cannot be created", e);
        }
    }

    String get(Object fact, String field) {
        return (String) assessment.get(fact, field);
    }

    /** The severity the rules chose; a rule that set none leaves "NONE". */
    String severity(Object fact) {
        String severity = get(fact, "severity");
        return severity == null ? "NONE" : severity;
    }

    String basis(Object fact) {
        return get(fact, "basis");
    }

    /** Fires the session's rules, and fails rather than loop when they fire without end. */
    static void fireBounded(KieSession session) {
        int fired = session.fireAllRules(MAX_FIRINGS);
        if (fired >= MAX_FIRINGS) {
            throw new EvaluationException("The DRL rules fired " + MAX_FIRINGS
                    + " times without settling: they loop (a modify that matches its own rule again?)");
        }
    }

    /** Asks the rules whether {@code candidate} ranks above {@code current}. */
    boolean moreSevere(String candidate, String current) {
        KieSession session = kieBase.newKieSession();
        try {
            Object fact = comparison.newInstance();
            comparison.set(fact, "candidate", candidate);
            comparison.set(fact, "current", current);
            session.insert(fact);
            fireBounded(session); // rules may put in the facts the query joins on (the severity order)
            return session.getQueryResults(MORE_SEVERE).size() > 0;
        } catch (ReflectiveOperationException e) {
            throw new EvaluationException("The DRL type " + PACKAGE + "." + COMPARISON + " cannot be created", e);
        } finally {
            session.dispose();
        }
    }
}
