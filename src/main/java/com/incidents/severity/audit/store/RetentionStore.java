package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.Checkpoint;

/**
 * The database side of retention: which records may go (a prefix of the chain, every one of them
 * decided before the cut-off), reading them in order for the archive, and pruning them behind a new
 * checkpoint, signed with the audit signing key, in one transaction that holds the chain head, so
 * writers and other instances wait.
 */
@ApplicationScoped
public class RetentionStore {

    @Inject
    AuditDatabase database;

    @Inject
    AuditSigningKey key;

    /** The positions to archive: after the checkpoint up to the last record before the first one decided at or after {@code cutoff}. */
    public record Range(Checkpoint checkpoint, long fromSeq, long toSeq) {
    }

    /** A line of the archive: the record with its chain fields. */
    public interface Sink {
        void accept(long seq, String prevHash, String hash, String record) throws java.io.IOException;
    }

    /** The archive the checkpoint names, or null while nothing has been pruned. */
    public String checkpointArchive() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            Checkpoint cp = Checkpoints.read(c);
            return cp == null ? null : cp.archive();
        }
    }

    public Optional<Range> range(Instant cutoff) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            Checkpoint cp = Checkpoints.read(c);
            long after = cp == null ? 0 : cp.seq();
            Long firstKept = longOf(c, "SELECT MIN(seq) FROM decision_record WHERE decided_at >= ?", Timestamp.from(cutoff));
            Long last = firstKept != null ? Long.valueOf(firstKept - 1) : longOf(c, "SELECT MAX(seq) FROM decision_record");
            return last == null || last <= after ? Optional.empty() : Optional.of(new Range(cp, after + 1, last));
        }
    }

    public void read(Range range, Sink sink) throws SQLException, java.io.IOException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, prev_hash, hash, record FROM decision_record WHERE seq >= ? AND seq <= ? ORDER BY seq")) {
                s.setFetchSize(500);
                s.setLong(1, range.fromSeq());
                s.setLong(2, range.toSeq());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Moves the checkpoint to the range's last record and deletes the range; false (and nothing
     * changed) when the checkpoint moved since the range was taken (another instance pruned first).
     */
    public boolean prune(Range range, String archive, Instant now) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement head = c.prepareStatement("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
                    head.executeQuery().close();
                }
                Checkpoint current = Checkpoints.read(c);
                long after = current == null ? 0 : current.seq();
                String hash = stringOf(c, "SELECT hash FROM decision_record WHERE seq = ?", range.toSeq());
                if (after != range.fromSeq() - 1 || hash == null) {
                    c.rollback();
                    return false;
                }
                Checkpoint next = new Checkpoint(range.toSeq(), hash, now.truncatedTo(ChronoUnit.MICROS), archive, null, null);
                Checkpoints.write(c, next.signed(key.keyId(), key.sign(next.payload())), current != null);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM decision_record WHERE seq <= ?")) {
                    delete.setLong(1, range.toSeq());
                    delete.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Long longOf(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private static String stringOf(Connection c, String sql, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
