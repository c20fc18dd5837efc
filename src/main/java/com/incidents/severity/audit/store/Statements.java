package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, each prepared once and kept until the connection is
 * closed: the audit writer runs the same few statements for every group commit, and preparing them
 * again each time (H2 parses the SQL anew) cost more than some of the writes. Not thread-safe: one
 * connection, one writer.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The statement for this SQL, prepared on first use; the caller must not close it. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement s = prepared.get(sql);
        if (s == null || s.isClosed()) {
            s = connection.prepareStatement(sql);
            prepared.put(sql, s);
        }
        return s;
    }

    @Override
    public void close() {
        for (PreparedStatement s : prepared.values()) {
            try {
                s.close();
            } catch (SQLException ignored) { // the connection is being closed or is broken
            }
        }
        prepared.clear();
    }
}
