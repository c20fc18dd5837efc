package com.incidents.severity.problem;

import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * Error ids tie an answer to its log entry: whoever generates one logs the cause, with its stack
 * trace, at ERROR under it, once; the caller sees the id and nothing of the cause.
 */
public final class ErrorIds {

    private ErrorIds() {
    }

    /** Logs {@code cause} with its stack trace under a new error id, and returns the id. */
    public static String logged(Logger log, Throwable cause, String what) {
        String id = UUID.randomUUID().toString();
        log.errorf(cause, "%s [error id %s]", what, id);
        return id;
    }
}
