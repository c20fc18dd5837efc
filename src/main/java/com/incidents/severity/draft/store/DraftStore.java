package com.incidents.severity.draft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.draft.model.Draft;
import com.incidents.severity.draft.model.DraftEvent;
import com.incidents.severity.draft.model.DraftEventKind;
import com.incidents.severity.draft.model.DraftState;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * Drafts in the service's database (tables policy_draft and policy_draft_file), shared by every
 * replica. A write names the stamp it read; a draft written meanwhile by someone else is not
 * overwritten ({@link #update} answers false).
 */
@ApplicationScoped
public class DraftStore {

    private static final String COLUMNS = "id, state, author, comment, base_version, revision, stamp, reviewer, "
            + "review_comment, reviewed_revision, reviewed_at, publisher, published_version, published_at, created_at, "
            + "updated_at";

    @Inject
    AuditDatabase database;

    @Inject
    PolicyFilesStore texts;

    /** Stores a new draft and the files of its base. */
    public void create(Draft d, PolicyFiles base) throws SQLException {
        inTransaction(c -> {
            texts.store(c, base);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO policy_draft (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, d.id());
                bindState(s, d, 2);
                s.setTimestamp(15, Timestamp.from(d.createdAt()));
                s.setTimestamp(16, Timestamp.from(d.updatedAt()));
                s.executeUpdate();
            }
            writeFiles(c, d);
            DraftEvents.record(c, DraftEvent.of(d, DraftEventKind.CREATED, d.author(), d.comment()));
            return true;
        });
    }

    /**
     * Writes {@code d} over the stored draft if that still has stamp {@code d.stamp()} (then the
     * stored stamp is one more), with the files of {@code base} when given; false when someone wrote
     * it meanwhile. {@code event} says what happened, and is recorded with it.
     */
    public boolean update(Draft d, PolicyFiles base, DraftEvent event) throws SQLException {
        return inTransaction(c -> {
            if (base != null) {
                texts.store(c, base);
            }
            if (!write(c, d)) {
                return false;
            }
            DraftEvents.record(c, event);
            return true;
        });
    }

    /**
     * Marks {@code d} published (as {@link #update} does) and records the publish in the order of
     * publishes with the version's files, in one transaction.
     */
    public boolean published(Draft d, PolicyFiles files) throws SQLException {
        return inTransaction(c -> {
            texts.store(c, files);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO policy_publication (version, draft_id, published_at) VALUES (?, ?, ?)")) {
                s.setString(1, files.version());
                s.setString(2, d.id());
                s.setTimestamp(3, Timestamp.from(d.publishedAt()));
                s.executeUpdate();
            }
            if (!write(c, d)) {
                return false;
            }
            DraftEvents.record(c, DraftEvent.of(d, DraftEventKind.PUBLISHED, d.publisher(), d.publishedVersion()));
            return true;
        });
    }

    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    private boolean inTransaction(Work work) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (work.run(c)) {
                    c.commit();
                    return true;
                }
                c.rollback();
                return false;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean write(Connection c, Draft d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE policy_draft SET state = ?, author = ?, comment = ?,"
                + " base_version = ?, revision = ?, stamp = ?, reviewer = ?, review_comment = ?, reviewed_revision = ?,"
                + " reviewed_at = ?, publisher = ?, published_version = ?, published_at = ?, updated_at = ?"
                + " WHERE id = ? AND stamp = ?")) {
            bindState(s, d, 1);
            s.setInt(6, d.stamp() + 1);
            s.setTimestamp(14, Timestamp.from(d.updatedAt()));
            s.setString(15, d.id());
            s.setInt(16, d.stamp());
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM policy_draft_file WHERE draft_id = ?")) {
            s.setString(1, d.id());
            s.executeUpdate();
        }
        writeFiles(c, d);
        return true;
    }

    public Optional<Draft> find(String id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM policy_draft WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        }
    }

    /** Every draft, the most recently changed first (at most {@code limit}). */
    public List<Draft> list(int limit) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM policy_draft ORDER BY updated_at DESC, id LIMIT " + limit)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drafts.add(read(c, rs));
                }
            }
        }
        return drafts;
    }

    /** Whether a version has been put in force by a publish or been a draft's base: an earlier version. */
    public boolean known(String version) throws SQLException {
        return texts.find(version).isPresent();
    }

    private static void bindState(PreparedStatement s, Draft d, int from) throws SQLException {
        s.setString(from, d.state().name());
        s.setString(from + 1, d.author());
        s.setString(from + 2, d.comment());
        s.setString(from + 3, d.baseVersion());
        s.setInt(from + 4, d.revision());
        s.setInt(from + 5, d.stamp());
        s.setString(from + 6, d.reviewer());
        s.setString(from + 7, d.reviewComment());
        if (d.reviewedRevision() == null) {
            s.setNull(from + 8, Types.INTEGER);
        } else {
            s.setInt(from + 8, d.reviewedRevision());
        }
        s.setTimestamp(from + 9, time(d.reviewedAt()));
        s.setString(from + 10, d.publisher());
        s.setString(from + 11, d.publishedVersion());
        s.setTimestamp(from + 12, time(d.publishedAt()));
    }

    private static void writeFiles(Connection c, Draft d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO policy_draft_file (draft_id, path, content) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> file : d.changes().entrySet()) {
                s.setString(1, d.id());
                s.setString(2, file.getKey());
                s.setString(3, file.getValue() == null ? null : Base64.getEncoder().encodeToString(file.getValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Draft read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        SortedMap<String, byte[]> changes = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT path, content FROM policy_draft_file WHERE draft_id = ?")) {
            s.setString(1, id);
            try (ResultSet files = s.executeQuery()) {
                while (files.next()) {
                    String content = files.getString(2);
                    changes.put(files.getString(1), content == null ? null : Base64.getDecoder().decode(content));
                }
            }
        }
        int reviewed = rs.getInt(10);
        Integer reviewedRevision = rs.wasNull() ? null : reviewed;
        return new Draft(id, DraftState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), reviewedRevision, instant(rs, 11),
                rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), instant(rs, 16), changes);
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
