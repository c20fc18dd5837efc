package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.Checkpoint;
import com.incidents.severity.audit.model.SignedHead;
import com.incidents.severity.audit.model.VerifyReport;

/**
 * Walks the hash chain in order and names the first record that does not match: a gap in the
 * positions (a deleted record), a broken link, content that no longer hashes to its stored hash
 * (an edited record), a column that disagrees with the record, a policy text that no longer hashes
 * to its version or a trace that no longer matches its hash (an edited shared text), or records
 * beyond the chain head (inserted ones). A retention checkpoint must be signed by the audit signing
 * key while retention is configured; given a head exported earlier, the store must still hold it.
 *
 * <p>With a window, the walk covers the positions from the first to the last record decided in
 * {@code [from, to)} (and whatever lies between them in the chain), checks that the first links to
 * the record before it and that the record after the last one is still there and links to it.
 * A window holding no record is valid: there is nothing in it to check.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final String COLUMNS = "seq, decision_id, decided_at, caller, policy_version, status, severity, "
            + "basis, capability, evaluation_micros, record, prev_hash, hash, client_label";

    /** Verified trace hashes are remembered during one walk, up to this many. */
    private static final int TRACES_REMEMBERED = 100_000;

    @Inject
    AuditDatabase database;

    @Inject
    ObjectMapper json;

    @Inject
    AuditConfig config;

    @Inject
    AuditSigningKey key;

    public VerifyReport verify(Instant from, Instant to) throws SQLException {
        return verify(from, to, null);
    }

    /**
     * As {@link #verify(Instant, Instant)}, and the store must still hold {@code exported}, a head
     * signed and exported earlier (null: none): a head beyond the store's end means records deleted
     * at the end, a record there with another hash a rewritten chain. Its signature is the caller's
     * to check.
     */
    public VerifyReport verify(Instant from, Instant to, SignedHead exported) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                ReadTimeout.set(c, database.isPostgres(), config.reads().statementTimeout());
                Checkpoint checkpoint = Checkpoints.read(c);
                HeadStore.Head head = HeadStore.read(c);
                VerifyReport report = checkpointProblem(checkpoint, head);
                if (report == null) {
                    report = walk(c, from, to, checkpoint, head);
                }
                if (report.valid() && exported != null) {
                    report = exportedHeadProblem(c, exported, checkpoint, head, report);
                }
                return report.from(checkpoint).against(exported, key.keyId());
            } finally {
                c.rollback();
                ReadTimeout.clear(c, database.isPostgres());
            }
        }
    }

    /**
     * Null when the checkpoint is absent, or genuine: retention is configured and the checkpoint is
     * signed by this service's key. Anything else means the oldest records were removed without one.
     */
    private VerifyReport checkpointProblem(Checkpoint cp, HeadStore.Head head) {
        if (cp == null) {
            return null;
        }
        String removed = ": records 1 to " + cp.seq() + " were removed without a genuine checkpoint";
        String problem;
        if (config.retention().days().isEmpty()) {
            problem = "the store holds a retention checkpoint at record " + cp.seq()
                    + ", but retention is not configured (severity.audit.retention.days)" + removed;
        } else if (cp.signature() == null) {
            problem = "the retention checkpoint at record " + cp.seq()
                    + " is not signed (forged, or made before checkpoints were signed)" + removed;
        } else if (!key.keyId().equals(cp.keyId())) {
            problem = "the retention checkpoint at record " + cp.seq() + " names signing key " + cp.keyId()
                    + ", not this service's key " + key.keyId() + removed;
        } else if (!key.verifies(cp.payload(), cp.signature())) {
            problem = "the signature of the retention checkpoint at record " + cp.seq()
                    + " does not verify (a forged or edited checkpoint)" + removed;
        } else {
            return null;
        }
        return new VerifyReport(false, 0, null, null, head.hash(), 1L, null, problem, null, null);
    }

    /** The report unchanged when the store still holds {@code exported}; else what is missing or rewritten. */
    private VerifyReport exportedHeadProblem(Connection c, SignedHead exported, Checkpoint checkpoint,
            HeadStore.Head head, VerifyReport report) throws SQLException {
        long seq = exported.seq();
        String named = "the exported head signed at " + exported.signedAt() + " names record " + seq;
        String problem = null;
        long bad = seq;
        if (seq > head.seq()) {
            problem = named + ", but the chain ends at record " + head.seq() + ": records " + (head.seq() + 1) + " to "
                    + seq + " were deleted at the end (or the head is another store's)";
            bad = head.seq() + 1;
        } else if (seq == 0) {
            if (!ChainHash.GENESIS.equals(exported.hash())) {
                problem = named + " with a hash that is not the empty chain's";
            }
        } else if (checkpoint != null && seq <= checkpoint.seq()) {
            // pruned: only the checkpoint itself can be compared here (the archives hold the rest)
            if (seq == checkpoint.seq() && !checkpoint.hash().equals(exported.hash())) {
                problem = named + ", the retention checkpoint, with another hash: the chain was rewritten";
            }
        } else {
            String stored = hashOf(c, seq);
            if (stored == null) {
                problem = named + ", which is missing (deleted)";
            } else if (!stored.equals(exported.hash())) {
                problem = named + " with hash " + exported.hash() + ", but the store's record " + seq + " has hash "
                        + stored + ": the chain was rewritten";
            }
        }
        return problem == null ? report
                : new VerifyReport(false, report.checked(), report.fromSeq(), report.toSeq(), head.hash(), bad,
                        bad <= head.seq() ? decisionIdOf(c, bad) : null, problem, null, null);
    }

    /** What is wrong with one record, and the shared text at fault if it is one. */
    private record Bad(String problem, String policyVersion, String traceHash) {
        static Bad of(String problem) {
            return new Bad(problem, null, null);
        }
    }

    /** The shared texts already checked in this walk. */
    private static final class Checked {
        final Map<String, Bad> policies = new HashMap<>();
        final Set<String> traces = new HashSet<>();
    }

    private VerifyReport walk(Connection c, Instant from, Instant to, Checkpoint checkpoint, HeadStore.Head head)
            throws SQLException {
        long headSeq = head.seq();
        String headHash = head.hash();
        boolean whole = from == null && to == null;
        long first = checkpoint == null ? 1 : checkpoint.seq() + 1; // the first position not pruned
        long startSeq = first;
        String sql = "SELECT " + COLUMNS + " FROM decision_record";
        List<Object> params = new ArrayList<>();
        if (!whole) {
            long[] range = window(c, from, to);
            if (range == null) {
                return VerifyReport.valid(0, null, null, headHash);
            }
            startSeq = range[0];
            sql += " WHERE seq >= ? AND seq <= ?";
            params.add(range[0]);
            params.add(range[1]);
        }
        String expectedPrev = checkpoint == null ? ChainHash.GENESIS : checkpoint.hash();
        if (startSeq > first) {
            expectedPrev = hashOf(c, startSeq - 1);
            if (expectedPrev == null) {
                return new VerifyReport(false, 0, startSeq, startSeq, headHash, startSeq,
                        decisionIdOf(c, startSeq), "record " + (startSeq - 1)
                                + ", the one before the window, is missing (deleted)", null, null);
            }
        }
        long expectedSeq = startSeq;
        long checked = 0;
        Checked shared = new Checked();
        try (PreparedStatement s = c.prepareStatement(sql + " ORDER BY seq")) {
            s.setFetchSize(500);
            RecordQueries.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    Bad bad = check(c, rs, seq, expectedSeq, expectedPrev, headSeq, shared);
                    if (bad != null) {
                        VerifyReport report = new VerifyReport(false, checked, startSeq, seq, headHash, seq,
                                rs.getString(2), bad.problem(), bad.policyVersion(), bad.traceHash());
                        String change = seq > expectedSeq && seq <= headSeq ? ChangeLinks.deletedBefore(c, json, seq)
                                : ChangeLinks.isChange(rs.getString(6), rs.getString(11)) ? rs.getString(2) : null;
                        return change == null ? report : report.namingChange(change);
                    }
                    expectedPrev = rs.getString(13);
                    expectedSeq = seq + 1;
                    checked++;
                }
            }
        }
        long last = expectedSeq - 1;
        Long fromSeq = checked == 0 ? null : startSeq;
        Long toSeq = checked == 0 ? null : last;
        if (last == headSeq) {
            if (!expectedPrev.equals(headHash)) {
                return new VerifyReport(false, checked, fromSeq, toSeq, headHash, last, null,
                        "the last record's hash does not match the chain head", null, null);
            }
        } else if (last < headSeq) {
            String next = prevHashOf(c, last + 1);
            if (next == null) {
                String problem = whole
                        ? "the chain head names record " + headSeq + " but the records end at " + last
                                + " (records deleted at the end)"
                        : "record " + (last + 1) + ", the one after the window, is missing (deleted)";
                return new VerifyReport(false, checked, fromSeq, toSeq, headHash, last + 1, null, problem, null, null);
            }
            if (!next.equals(expectedPrev)) {
                return new VerifyReport(false, checked, fromSeq, toSeq, headHash, last + 1, decisionIdOf(c, last + 1),
                        "record " + (last + 1) + ", the one after the window, does not link to record " + last,
                        null, null);
            }
        }
        return VerifyReport.valid(checked, fromSeq, toSeq, headHash);
    }

    private Bad check(Connection c, ResultSet rs, long seq, long expectedSeq, String expectedPrev, long headSeq,
            Checked shared) throws SQLException {
        if (seq > headSeq || seq < expectedSeq) {
            return Bad.of("record " + seq + " lies outside the chain, whose head is record " + headSeq + " (inserted)");
        }
        if (seq != expectedSeq) {
            return Bad.of("records " + expectedSeq + " to " + (seq - 1) + " are missing (deleted)");
        }
        String record = rs.getString(11);
        if (!expectedPrev.equals(rs.getString(12))) {
            return Bad.of("the record does not link to the record before it");
        }
        if (!ChainHash.of(expectedPrev, seq, record).equals(rs.getString(13))) {
            return Bad.of("the record's content does not match its hash (edited)");
        }
        JsonNode r;
        try {
            r = json.readTree(record);
        } catch (Exception e) {
            return Bad.of("the record is not valid JSON");
        }
        String column = r.has("changeId") ? ChangeLinks.disagreeingColumn(rs, r) : disagreeingColumn(rs, r);
        if (column != null) {
            return Bad.of("column " + column + " does not match the record (edited)");
        }
        String version = rs.getString(5);
        Bad policy = shared.policies.get(version);
        if (policy == null && !shared.policies.containsKey(version)) {
            policy = checkPolicy(c, version);
            shared.policies.put(version, policy);
        }
        if (policy != null) {
            return policy;
        }
        String traceHash = text(r, "traceHash");
        if (traceHash != null && !shared.traces.contains(traceHash)) {
            String trace = traceText(c, traceHash);
            if (trace == null || !ChainHash.sha256(trace).equals(traceHash)) {
                return new Bad("the stored trace " + traceHash + (trace == null ? " is missing"
                        : " does not match its hash (edited)"), null, traceHash);
            }
            if (shared.traces.size() >= TRACES_REMEMBERED) {
                shared.traces.clear();
            }
            shared.traces.add(traceHash);
        }
        return null;
    }

    /** Null when the stored text of the version hashes back to it. */
    private Bad checkPolicy(Connection c, String version) throws SQLException {
        String files = policyText(c, version);
        if (files == null) {
            return new Bad("the stored text of policy version " + version + " is missing", version, null);
        }
        if (!PolicyText.matches(json, version, files)) {
            return new Bad("the stored text of policy version " + version
                    + " does not hash to that version (edited)", version, null);
        }
        return null;
    }

    private static String disagreeingColumn(ResultSet rs, JsonNode r) throws SQLException {
        JsonNode result = r.path("result");
        if (!Objects.equals(rs.getString(2), text(r, "decisionId"))) {
            return "decision_id";
        }
        if (!Objects.equals(rs.getTimestamp(3).toInstant().toString(), Instant.parse(text(r, "decidedAt")).toString())) {
            return "decided_at";
        }
        String[][] pairs = { { rs.getString(4), text(r, "caller"), "caller" },
                { rs.getString(5), text(r, "policyVersion"), "policy_version" },
                { rs.getString(6), text(r, "status"), "status" },
                { rs.getString(7), text(result, "severity"), "severity" },
                { rs.getString(8), text(result, "basis"), "basis" },
                { rs.getString(9), text(r.path("facts"), "capability"), "capability" },
                { Long.toString(rs.getLong(10)), text(r, "evaluationMicros"), "evaluation_micros" },
                { rs.getString(14), text(r, "clientLabel"), "client_label" } };
        for (String[] p : pairs) {
            if (!Objects.equals(p[0], p[1])) {
                return p[2];
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The first and last positions of the records decided in [from, to); null when there are none. */
    private static long[] window(Connection c, Instant from, Instant to) throws SQLException {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (from != null) {
            where.add("decided_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.add("decided_at < ?");
            params.add(Timestamp.from(to));
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MIN(seq), MAX(seq) FROM decision_record WHERE " + String.join(" AND ", where))) {
            RecordQueries.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? null : new long[] { first, rs.getLong(2) };
            }
        }
    }

    private static String hashOf(Connection c, long seq) throws SQLException {
        return column(c, "SELECT hash FROM decision_record WHERE seq = ?", seq);
    }

    private static String prevHashOf(Connection c, long seq) throws SQLException {
        return column(c, "SELECT prev_hash FROM decision_record WHERE seq = ?", seq);
    }

    private static String decisionIdOf(Connection c, long seq) throws SQLException {
        return column(c, "SELECT decision_id FROM decision_record WHERE seq = ?", seq);
    }

    private static String column(Connection c, String sql, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String traceText(Connection c, String hash) throws SQLException {
        return text(c, "SELECT trace FROM decision_trace WHERE hash = ?", hash);
    }

    private static String policyText(Connection c, String version) throws SQLException {
        return text(c, "SELECT files FROM policy_version WHERE version = ?", version);
    }

    private static String text(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
