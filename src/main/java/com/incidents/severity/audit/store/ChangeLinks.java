package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the chain's verification checks of a policy change record (status CHANGE): its columns agree
 * with its JSON as a decision's do, and a deleted one is named by the change recorded after it,
 * which names its predecessor ({@code previousChangeId}).
 */
final class ChangeLinks {

    private ChangeLinks() {
    }

    /** A change record by its status column or, if that was edited, by its content. */
    static boolean isChange(String status, String record) {
        return "CHANGE".equals(status) || record != null && record.contains("\"changeId\"");
    }

    /** The first column (of {@link ChainVerifier}'s select) that disagrees with the change's JSON; null when none. */
    static String disagreeingColumn(ResultSet rs, JsonNode r) throws SQLException {
        if (!Objects.equals(rs.getString(2), text(r, "changeId"))) {
            return "decision_id";
        }
        String at = text(r, "changedAt");
        if (at == null || !rs.getTimestamp(3).toInstant().equals(Instant.parse(at))) {
            return "decided_at";
        }
        String[][] pairs = { { rs.getString(4), ChangeQueries.CALLER, "caller" },
                { rs.getString(5), text(r, "versionAfter"), "policy_version" },
                { rs.getString(6), text(r, "status"), "status" },
                { rs.getString(6), "CHANGE", "status" },
                { rs.getString(7), null, "severity" },
                { rs.getString(8), null, "basis" },
                { rs.getString(9), null, "capability" },
                { Long.toString(rs.getLong(10)), "0", "evaluation_micros" },
                { rs.getString(14), null, "client_label" } };
        for (String[] p : pairs) {
            if (!Objects.equals(p[0], p[1])) {
                return p[2];
            }
        }
        return null;
    }

    /**
     * After a gap ending before {@code seq}: the change that the first change record from
     * {@code seq} on names as its predecessor, when no record of it is left (it was among the
     * deleted); null otherwise.
     */
    static String deletedBefore(Connection c, ObjectMapper json, long seq) throws SQLException {
        String next;
        try (PreparedStatement s = c.prepareStatement("SELECT record FROM decision_record WHERE caller = ? "
                + "AND status = 'CHANGE' AND seq >= ? ORDER BY seq LIMIT 1")) {
            s.setString(1, ChangeQueries.CALLER);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                next = rs.getString(1);
            }
        }
        String previous;
        try {
            previous = text(json.readTree(next), "previousChangeId");
        } catch (Exception e) {
            return null; // that record's own problem, reported when the walk reaches it
        }
        if (previous == null) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM decision_record WHERE decision_id = ?")) {
            s.setString(1, previous);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? null : previous;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
