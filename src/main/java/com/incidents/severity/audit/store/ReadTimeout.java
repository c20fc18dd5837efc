package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Bounds every statement of a long read (an export, a verification) that runs in its own
 * transaction on a pool connection: PostgreSQL's {@code SET LOCAL statement_timeout} ends with the
 * transaction; H2's session setting is put back by {@link #clear} before the connection returns to the pool.
 */
final class ReadTimeout {

    private ReadTimeout() {
    }

    static void set(Connection c, boolean postgres, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(postgres ? "SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis())
                    : "SET QUERY_TIMEOUT " + Math.max(1, timeout.toMillis()));
        }
    }

    static void clear(Connection c, boolean postgres) throws SQLException {
        if (!postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SET QUERY_TIMEOUT 0");
            }
        }
    }
}
