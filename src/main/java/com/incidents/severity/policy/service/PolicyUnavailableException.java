package com.incidents.severity.policy.service;

/** No policy has loaded yet, so no decision can be made. */
public class PolicyUnavailableException extends RuntimeException {

    public PolicyUnavailableException(String message) {
        super(message, null, false, false);
    }
}
