package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.RecordSummary;

/** Reads records: filtered pages by keyset on seq, single records, and streams for export. */
@ApplicationScoped
public class RecordQueries {

    private static final String SUMMARY = "seq, decision_id, decided_at, caller, status, severity, basis, capability, "
            + "policy_version, client_label";

    @Inject
    AuditDatabase database;

    @Inject
    AuditConfig config;

    /** Records older than {@code beforeSeq} (null: from the newest), newest first. */
    public RecordPage page(RecordFilter filter, Long beforeSeq, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        if (beforeSeq != null) {
            where += " AND seq < ?";
            params.add(beforeSeq);
        }
        String sql = "SELECT " + SUMMARY + " FROM decision_record WHERE " + where + " ORDER BY seq DESC LIMIT " + (limit + 1);
        List<RecordSummary> items = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
        }
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = Long.toString(items.get(limit - 1).seq());
        }
        return new RecordPage(List.copyOf(items), next);
    }

    /** A line of the record list and the record it summarises. */
    public record Summarised(RecordSummary summary, String record) {
    }

    /** As {@link #page}, each summary with its record, and no more than {@code limit}. */
    public List<Summarised> summarised(RecordFilter filter, Long beforeSeq, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        if (beforeSeq != null) {
            where += " AND seq < ?";
            params.add(beforeSeq);
        }
        String sql = "SELECT " + SUMMARY + ", record FROM decision_record WHERE " + where + " ORDER BY seq DESC LIMIT "
                + limit;
        List<Summarised> items = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new Summarised(summary(rs), rs.getString(11)));
                }
            }
        }
        return items;
    }

    /**
     * How many records match, by outcome: a severity, NONE for decisions without one, FAILED for
     * failed evaluations. Ordered by key.
     */
    public java.util.SortedMap<String, Long> countBySeverity(RecordFilter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT status, severity, COUNT(*) FROM decision_record WHERE " + filter.where(params)
                + " GROUP BY status, severity";
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = "FAILED".equals(rs.getString(1)) ? "FAILED"
                            : rs.getString(2) == null ? "NONE" : rs.getString(2);
                    counts.merge(key, rs.getLong(3), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The stored record JSON and its chain fields. */
    public record StoredRecord(long seq, String record, String prevHash, String hash) {
    }

    /** A decision's record (never a change record, which shares the chain). */
    public Optional<StoredRecord> find(String decisionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, record, prev_hash, hash FROM decision_record WHERE decision_id = ? AND status <> 'CHANGE'")) {
            s.setString(1, decisionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** The records of the {@code count} most recent decisions that were decided (not failed), newest first. */
    public List<String> recentDecided(int count) throws SQLException {
        List<String> records = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT record FROM decision_record WHERE status = 'DECIDED' ORDER BY seq DESC LIMIT " + count)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(rs.getString(1));
                }
            }
        }
        return records;
    }

    public Optional<String> trace(String hash) throws SQLException {
        return text("SELECT trace FROM decision_trace WHERE hash = ?", hash);
    }

    public Optional<String> policyFiles(String version) throws SQLException {
        return text("SELECT files FROM policy_version WHERE version = ?", version);
    }

    /** Every matching record, oldest first, handed over one at a time (the result set is streamed). */
    public void stream(RecordFilter filter, Consumer<String> records) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT record FROM decision_record WHERE " + filter.where(params) + " ORDER BY seq";
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            ReadTimeout.set(c, database.isPostgres(), config.reads().statementTimeout());
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(500);
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.accept(rs.getString(1));
                    }
                }
            } finally {
                c.rollback();
                ReadTimeout.clear(c, database.isPostgres());
            }
        }
    }

    private Optional<String> text(String sql, String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static RecordSummary summary(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(3);
        return new RecordSummary(rs.getLong(1), rs.getString(2), at.toInstant(), rs.getString(4), rs.getString(10),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }
}
