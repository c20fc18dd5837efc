package com.incidents.severity.audit;

/** A decision could not be recorded, so it is not given to the caller. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
