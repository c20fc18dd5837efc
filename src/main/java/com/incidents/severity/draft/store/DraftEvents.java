package com.incidents.severity.draft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.draft.model.DraftEvent;
import com.incidents.severity.draft.model.DraftEventKind;
import com.incidents.severity.draft.model.DraftEventQuery;

/** The events of drafts ({@code policy_draft_event}): written beside each draft change, searched by person and time. */
@ApplicationScoped
public class DraftEvents {

    @Inject
    AuditDatabase database;

    /** Records {@code e} on {@code c}, in the caller's transaction. */
    static void record(Connection c, DraftEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO policy_draft_event"
                + " (draft_id, kind, actor, revision, comment, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.draftId());
            s.setString(2, e.kind().name());
            s.setString(3, e.actor());
            s.setInt(4, e.revision());
            s.setString(5, e.comment());
            s.setTimestamp(6, Timestamp.from(e.at()));
            s.executeUpdate();
        }
    }

    public List<DraftEvent> search(DraftEventQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT e.seq, e.draft_id, e.kind, e.actor, e.revision, e.comment, e.at"
                + " FROM policy_draft_event e JOIN policy_draft d ON d.id = e.draft_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "e.actor = ?", q.actor());
        where(sql, args, "d.author = ?", q.author());
        where(sql, args, "e.kind = ?", q.kind() == null ? null : q.kind().name());
        where(sql, args, "e.draft_id = ?", q.draftId());
        where(sql, args, "e.at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
        where(sql, args, "e.at < ?", q.to() == null ? null : Timestamp.from(q.to()));
        sql.append(" ORDER BY e.seq DESC LIMIT ").append(Math.max(1, Math.min(q.limit(), 1000)));
        List<DraftEvent> events = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new DraftEvent(rs.getLong(1), rs.getString(2), DraftEventKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return events;
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }
}
