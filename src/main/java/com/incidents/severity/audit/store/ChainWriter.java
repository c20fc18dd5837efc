package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

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

    @Inject
    AuditDatabase database;

    @Inject
    SharedTexts shared;

    public void append(List<AuditEntry> entries) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                String hash;
                try (PreparedStatement head = c.prepareStatement(
                        "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                        ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                    hash = rs.getString(2);
                }
                shared.store(c, entries);
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (AuditEntry e : entries) {
                        seq++;
                        String next = ChainHash.of(hash, seq, e.record());
                        bind(insert, e, seq, hash, next);
                        insert.addBatch();
                        hash = next;
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    update.setLong(1, seq);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        shared.committed(entries);
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
