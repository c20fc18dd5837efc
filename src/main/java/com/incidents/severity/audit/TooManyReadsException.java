package com.incidents.severity.audit;

import java.util.OptionalInt;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** As many exports (or verifies) as configured are already running: 429, try again shortly. */
public class TooManyReadsException extends ProblemException {

    private static final int RETRY_AFTER_SECONDS = 5;

    public TooManyReadsException(String what, int limit) {
        super("Too many " + what, Problem.of("too-many-reads", "Too many " + what + " at once", 429,
                limit + " " + what + " are already running, the most this service runs at once so that they cannot "
                        + "starve the decisions' audit trail; retry in a few seconds"));
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(RETRY_AFTER_SECONDS);
    }
}
