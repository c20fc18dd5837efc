package com.incidents.severity.decision.model;

import java.sql.Connection;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a feature above the decisions adds to one decision's record: a JSON member of the record
 * (so the hash chain covers it) and rows written in the transaction that commits the record, so
 * that both are stored or neither is (an incident's new state and the events the decision causes).
 *
 * @param field the record member's name
 * @param value its value
 * @param rows written after the record, in its transaction; may throw {@link Refused} to refuse the record
 */
public record Attached(String field, JsonNode value, Rows rows) {

    /** Rows written in the record's transaction. */
    public interface Rows {
        void write(Connection c) throws SQLException;
    }

    /**
     * The rows cannot be written as they stand (another writer moved the state they were made
     * from): the record is not written, and its request fails with {@code problem}'s answer.
     */
    public static class Refused extends SQLException {

        private final transient com.incidents.severity.problem.ProblemException problem;

        public Refused(com.incidents.severity.problem.ProblemException problem) {
            super(problem.getMessage(), "23I01"); // an integrity refusal: the writer fails this record alone
            this.problem = problem;
        }

        public com.incidents.severity.problem.ProblemException problem() {
            return problem;
        }
    }
}
