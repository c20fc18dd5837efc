package com.incidents.severity.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An error that leaves the service as the problem body it carries. Every application exception
 * that becomes an HTTP answer extends it, so this package needs to know none of them.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /** {@code message} is for logs and tests; the caller sees only {@code problem}. */
    public ProblemException(String message, Problem problem, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public ProblemException(Problem problem, Throwable cause) {
        this(problem.detail(), problem, cause);
    }

    /** For answers on the request path that need no stack trace (a refused request is not a fault). */
    protected ProblemException(String message, Problem problem) {
        super(message, null, false, false);
        this.problem = problem;
    }

    /** A refused request (no stack trace): the caller's doing, not a fault of the service. */
    public static ProblemException refused(Problem problem) {
        return new ProblemException(problem.detail(), problem);
    }

    /** Adds a header to the answer (such as a 429's {@code Retry-After}). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The body the caller receives, with {@link #problem()}'s status: the problem itself, or a
     * problem with extension members (such as a refused policy's diagnostics) for a subclass that
     * has them.
     */
    public Object body() {
        return problem;
    }

    /** Seconds after which the same request may succeed ({@code Retry-After}); empty when retrying would not help. */
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.empty();
    }

    /** A bug whose cause has been logged under {@link ErrorIds#logged}: a 500 naming only the error id. */
    public static ProblemException internal(String errorId, Throwable cause) {
        return new ProblemException("Internal error " + errorId, Problem.internal(errorId), cause);
    }
}
