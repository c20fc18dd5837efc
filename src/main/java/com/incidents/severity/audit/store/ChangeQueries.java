package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the change records of the chain: the rows of {@code decision_record} with status CHANGE.
 * They all hold {@link #CALLER} as their caller, so every read goes by the caller index and never
 * scans the decisions.
 */
@ApplicationScoped
public class ChangeQueries {

    /** The caller column of every change record: not a principal, and never taken for one (status CHANGE). */
    public static final String CALLER = "(policy change)";

    private static final String WHERE = " FROM decision_record WHERE caller = ? AND status = 'CHANGE'";

    @Inject
    AuditDatabase database;

    /** A change record as stored, with its place in the chain. */
    public record StoredChange(long seq, String changeId, String record, String prevHash, String hash) {
    }

    /** The change recorded last (by any replica sharing the store). */
    public Optional<StoredChange> last() throws SQLException {
        List<StoredChange> found = new ArrayList<>();
        newestFirst(null, null, null, found::add, 1);
        return found.stream().findFirst();
    }

    public Optional<StoredChange> find(String changeId) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, decision_id, record, prev_hash, hash" + WHERE + " AND decision_id = ?")) {
            s.setString(1, CALLER);
            s.setString(2, changeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Changes made in {@code [from, to)} (nulls: unbounded) before position {@code beforeSeq} (null:
     * from the newest), newest first, handed to {@code take} until it answers false or {@code max} were read.
     */
    public void newestFirst(Instant from, Instant to, Long beforeSeq, Predicate<StoredChange> take, int max)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT seq, decision_id, record, prev_hash, hash").append(WHERE);
        List<Object> params = new ArrayList<>(List.of(CALLER));
        if (from != null) {
            sql.append(" AND decided_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND decided_at < ?");
            params.add(Timestamp.from(to));
        }
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        sql.append(" ORDER BY seq DESC LIMIT ").append(max);
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setFetchSize(100);
            RecordQueries.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && take.test(stored(rs))) {
                    // take decides when to stop
                }
            }
        }
    }

    private static StoredChange stored(ResultSet rs) throws SQLException {
        return new StoredChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
