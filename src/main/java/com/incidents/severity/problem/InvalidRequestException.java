package com.incidents.severity.problem;

import java.util.List;

/** A request the service refuses, with the problem body that says why. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(Problem problem) {
        super(problem.detail(), problem);
    }

    public static InvalidRequestException of(List<FieldError> errors) {
        return new InvalidRequestException(Problem.invalid(errors));
    }

    public static InvalidRequestException tooLarge(String detail) {
        return new InvalidRequestException(Problem.of("payload-too-large", "The request is too large", 413, detail));
    }

    public static InvalidRequestException malformed(String detail) {
        return new InvalidRequestException(Problem.of("malformed-json", "The body is not valid JSON", 400, detail));
    }
}
