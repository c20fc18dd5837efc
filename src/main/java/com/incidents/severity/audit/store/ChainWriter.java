package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.model.AuditEntry;

/**
 * Appends a batch of records to the chain in one transaction. The chain head row is locked first,
 * so writers (threads or service instances) sharing the database take turns and every record gets
 * the next position and links to the record before it.
 */
@ApplicationScoped
public class ChainWriter {

    private static final String INSERT = "INSERT INTO decision_record (seq, decision_id, decided_at, caller, "
            + "policy_version, status, severity, basis, capability, evaluation_micros, record, prev_hash, hash, "
            + "client_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HEAD = "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1";

    @Inject
    AuditDatabase database;

    @Inject
    SharedTexts shared;

    @Inject
    WriterConnection own;

    /** Appends on a connection of the pool (tests, tools); the service's writer uses {@link #appendOwn}. */
    public void append(List<AuditEntry> entries) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statements statements = new Statements(c)) {
            c.setAutoCommit(false);
            write(statements, entries, () -> true);
        }
    }

    /**
     * Appends on the writer's own connection (see {@link WriterConnection}), committing only if
     * {@code mayCommit} agrees once everything is written: false rolls the batch back and returns
     * false. A failed write discards the connection, so the next one starts on a fresh one.
     */
    public boolean appendOwn(List<AuditEntry> entries, BooleanSupplier mayCommit) throws SQLException {
        try {
            return write(own.statements(), entries, mayCommit);
        } catch (SQLException | RuntimeException e) {
            own.discard();
            throw e;
        }
    }

    /** After the last write, on shutdown: compacts the embedded store (see {@link WriterConnection#compactEmbedded}). */
    public void compactEmbedded() {
        if (own != null) {
            own.compactEmbedded();
        }
    }

    /** Closes the writer's own connection; the next {@link #appendOwn} opens a new one. */
    public void discardConnection() {
        if (own != null) {
            own.discard();
        }
    }

    private boolean write(Statements statements, List<AuditEntry> entries, BooleanSupplier mayCommit)
            throws SQLException {
        Connection c = statements.connection();
        try {
            long seq;
            String hash;
            try (ResultSet rs = statements.get(HEAD).executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
            shared.store(statements, entries, database.isPostgres());
            PreparedStatement insert = statements.get(INSERT);
            for (AuditEntry e : entries) {
                seq++;
                String next = ChainHash.of(hash, seq, e.record());
                bind(insert, e, seq, hash, next);
                insert.addBatch();
                hash = next;
            }
            insert.executeBatch();
            for (AuditEntry e : entries) {
                if (e.attached() != null) {
                    e.attached().write(c);
                }
            }
            PreparedStatement update = statements.get(MOVE_HEAD);
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
            if (!mayCommit.getAsBoolean()) {
                c.rollback();
                return false;
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
        shared.committed(entries);
        return true;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) { // the connection is broken; the caller discards it
        }
    }

    private static void bind(PreparedStatement s, AuditEntry e, long seq, String prev, String hash)
            throws SQLException {
        s.setLong(1, seq);
        s.setString(2, e.decisionId());
        s.setTimestamp(3, Timestamp.from(e.decidedAt()));
        s.setString(4, e.caller());
        s.setString(5, e.policy().version());
        s.setString(6, e.status());
        setNullable(s, 7, e.severity());
        setNullable(s, 8, e.basis());
        setNullable(s, 9, e.capability());
        s.setLong(10, e.evaluationMicros());
        s.setString(11, e.record());
        s.setString(12, prev);
        s.setString(13, hash);
        setNullable(s, 14, e.clientLabel());
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
