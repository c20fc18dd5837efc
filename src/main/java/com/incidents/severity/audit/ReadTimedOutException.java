package com.incidents.severity.audit;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.OptionalInt;

import com.incidents.severity.problem.Problem;
import com.incidents.severity.problem.ProblemException;

/** A verification ran past {@code severity.audit.reads.statement-timeout}: 503, the store is too busy or too large for it now. */
public class ReadTimedOutException extends ProblemException {

    /** SQLState of a statement cancelled by its timeout, on PostgreSQL and H2 alike. */
    private static final String QUERY_CANCELED = "57014";

    public ReadTimedOutException(String what, SQLException cause) {
        super(Problem.of("read-timed-out", "The " + what + " took too long", 503, "The " + what
                + " ran past the statement timeout of the audit store's reads and was stopped; retry later, or narrow"
                + " it with from and to"), cause);
    }

    public static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException || QUERY_CANCELED.equals(e.getSQLState());
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(30);
    }
}
