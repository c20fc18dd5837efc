package com.incidents.severity.policy.service;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** No policy has loaded yet, so no decision can be made. */
public class PolicyUnavailableException extends ProblemException {

    public PolicyUnavailableException(String message) {
        super(message, Problem.of("policy-unavailable", "No policy is in force", 503,
                "The service has no valid policy loaded yet; see GET /q/health/ready"));
    }
}
