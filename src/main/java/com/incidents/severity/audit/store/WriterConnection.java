package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.AuditConfig;

/**
 * The audit writer's own connection, opened with the audit datasource's URL, user and properties
 * but outside its pool: however many readers hold pool connections (exports, verifies, listings),
 * the writer never waits for one. Used by the writer thread alone; reopened after a failure.
 */
@ApplicationScoped
public class WriterConnection {

    private static final Logger LOG = Logger.getLogger(WriterConnection.class);

    @Inject
    AuditDatabase database;

    @Inject
    AuditConfig config;

    private Connection connection;
    private Statements statements;

    /** The open connection, opened (again) if it is closed or was discarded after a failure. */
    synchronized Connection get() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
            statements = new Statements(connection);
        }
        return connection;
    }

    /** The prepared statements of the open connection, kept across group commits (see {@link Statements}). */
    synchronized Statements statements() throws SQLException {
        get();
        return statements;
    }

    /** After a failed write: the connection may be broken, so the next write opens a new one. */
    synchronized void discard() {
        if (connection != null) {
            statements.close();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the writer's broken connection: %s", e.getMessage());
            }
            connection = null;
        }
    }

    private Connection open() throws SQLException {
        Connection c = database.openOutsidePool();
        c.setAutoCommit(false);
        long ms = Math.max(1, config.commitTimeout().toMillis());
        try (Statement s = c.createStatement()) { // every statement of the writer is bounded, lock waits included
            if (database.isPostgres()) {
                s.execute("SET statement_timeout = " + ms);
                s.execute("SET lock_timeout = " + ms);
            } else {
                s.execute("SET QUERY_TIMEOUT " + ms);
                s.execute("SET LOCK_TIMEOUT " + ms);
            }
        }
        c.commit();
        return c;
    }

    /**
     * The embedded H2 store only, once nothing more will be written: closes the database with
     * {@code SHUTDOWN COMPACT}, which rewrites the file without the free space that group commits
     * leave behind (about 11 KB per record before, under 1 KB after; see BENCHMARKS.md).
     */
    public synchronized void compactEmbedded() {
        if (database.isPostgres()) {
            return;
        }
        long t0 = System.nanoTime();
        try (Statement s = get().createStatement()) {
            s.execute("SHUTDOWN COMPACT");
            LOG.infof("Compacted the embedded audit store in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            LOG.warnf("Could not compact the embedded audit store on shutdown: %s", e.getMessage());
        }
        statements.close();
        connection = null; // closed by the shutdown
    }

    @PreDestroy
    void close() {
        discard();
    }
}
