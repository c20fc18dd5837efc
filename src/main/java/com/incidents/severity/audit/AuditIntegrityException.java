package com.incidents.severity.audit;

import org.jboss.logging.Logger;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * Stored audit evidence failed its hash check, so the service will not answer from it: the caller
 * gets the problem (409, {@code /problems/integrity-failure}) naming what failed.
 */
public class AuditIntegrityException extends ProblemException {

    private static final Logger LOG = Logger.getLogger(AuditIntegrityException.class);

    public AuditIntegrityException(Problem problem) {
        super(problem.detail(), problem);
        LOG.errorf("Audit integrity failure: %s", problem.detail());
    }

    /** The stored text of {@code version}, which decision {@code decisionId} refers to, is missing or edited. */
    public static AuditIntegrityException policyText(String version, String decisionId, boolean missing) {
        return new AuditIntegrityException(Problem.of("integrity-failure", "The audit trail failed an integrity check",
                409, "The stored text of policy version " + version + ", which decision " + decisionId
                        + " refers to, " + (missing ? "is missing" : "does not hash to that version (edited)")
                        + "; the decision cannot be replayed under it (see GET /api/v1/audit/verify)"));
    }
}
