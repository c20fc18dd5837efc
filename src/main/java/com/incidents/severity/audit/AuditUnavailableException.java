package com.incidents.severity.audit;

import java.util.OptionalInt;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/**
 * A decision could not be recorded, so it is not given to the caller (503). Only a real
 * unavailability of the audit trail is one; a bug while recording is not.
 */
public class AuditUnavailableException extends ProblemException {

    private static final String TITLE = "The decision could not be recorded";

    /** The trail refused the record without a fault to log (full queue, stopping writer); {@code detail} says which. */
    public AuditUnavailableException(String message, String detail) {
        super(message, Problem.of("audit-unavailable", TITLE, 503, detail));
    }

    /** A record that could not be written now may well be written a second later. */
    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(1);
    }

    /** The audit store failed; {@code cause} is logged under {@code errorId}. */
    public AuditUnavailableException(String message, String detail, String errorId, Throwable cause) {
        super(message, Problem.logged("audit-unavailable", TITLE, 503, detail, errorId), cause);
    }
}
