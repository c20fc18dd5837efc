package com.incidents.severity.incident.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.decision.model.Attached;
import com.incidents.severity.incident.IncidentRefusedException;
import com.incidents.severity.incident.model.Due;
import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.IncidentChange;
import com.incidents.severity.incident.model.IncidentQuery;
import com.incidents.severity.incident.model.IncidentState;
import com.incidents.severity.incident.model.TimelineEntry;

/** Incidents, their decisions, their events (the outbox) and their due work, in the service's database. */
@ApplicationScoped
public class IncidentStore {

    private static final String COLUMNS = "current_state";

    @Inject
    AuditDatabase database;

    @Inject
    ObjectMapper json;

    public Optional<Incident> find(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE incident_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1), Incident.class)) : Optional.empty();
            }
        }
    }

    public List<Incident> search(IncidentQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "state = ?", q.state() == null ? null : q.state().name());
        where(sql, args, "severity = ?", q.severity());
        where(sql, args, "caller = ?", q.caller());
        where(sql, args, "updated_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
        where(sql, args, "updated_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
        sql.append(" ORDER BY updated_at DESC, incident_key LIMIT ").append(Math.max(1, Math.min(q.limit(), 1000)));
        List<Incident> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs.getString(1), Incident.class));
                }
            }
        }
        return found;
    }

    public List<TimelineEntry> decisions(String key) throws SQLException {
        List<TimelineEntry> entries = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT entry FROM incident_decision WHERE incident_key = ? ORDER BY n")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(rs.getString(1), TimelineEntry.class));
                }
            }
        }
        return entries;
    }

    /** The incident's events in the order they were committed. */
    public List<JsonNode> events(String key) throws SQLException {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT cloud_event FROM incident_event WHERE incident_key = ? ORDER BY seq")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs.getString(1), JsonNode.class));
                }
            }
        }
        return events;
    }

    /** An event of the outbox with its place in commit order (the SSE stream's event id). */
    public record StoredEvent(long seq, String type, String cloudEvent) {
    }

    /** Events after {@code seq} in commit order, of one incident and of some types when given. */
    public List<StoredEvent> eventsAfter(long seq, String key, List<String> types, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT seq, event_type, cloud_event FROM incident_event WHERE seq > ?");
        if (key != null) {
            sql.append(" AND incident_key = ?");
        }
        if (!types.isEmpty()) {
            sql.append(" AND event_type IN (").append("?, ".repeat(types.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY seq LIMIT ").append(limit);
        List<StoredEvent> events = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setLong(i++, seq);
            if (key != null) {
                s.setString(i++, key);
            }
            for (String type : types) {
                s.setString(i++, type);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return events;
    }

    /**
     * Claims up to {@code limit} pieces of work due at {@code now} that no one holds, for
     * {@code lease}: on PostgreSQL the rows are read with {@code FOR UPDATE SKIP LOCKED}, so
     * replicas polling at once each get different rows, and marked claimed until the lease ends,
     * so no one else takes them while the work is done. Work not done by then is claimed again.
     */
    public List<Due> claim(Instant now, int limit, java.time.Duration lease) throws SQLException {
        List<Due> claimed = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT incident_key, kind, due_at, after_decision,"
                    + " change_id, policy_version"
                    + " FROM incident_due WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY due_at LIMIT " + limit + (database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"));
                    PreparedStatement mark = c.prepareStatement(
                            "UPDATE incident_due SET claimed_until = ? WHERE incident_key = ? AND kind = ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Due(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                for (Due d : claimed) {
                    mark.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    mark.setString(2, d.key());
                    mark.setString(3, d.kind());
                    mark.addBatch();
                }
                mark.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return claimed;
    }

    /** Gives claimed work back at once, for any replica's next look (this one cannot do it now). */
    public void release(Due d) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE incident_due SET claimed_until = NULL WHERE incident_key = ? AND kind = ? AND after_decision = ?")) {
            s.setString(1, d.key());
            s.setString(2, d.kind());
            s.setInt(3, d.afterDecision());
            s.executeUpdate();
        }
    }

    /** Drops work that no longer applies (the incident was decided since, or is gone), if it is still as claimed. */
    public void drop(Due d) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM incident_due WHERE incident_key = ? AND kind = ? AND after_decision = ?"
                        + " AND (change_id IS NULL OR change_id = ?)")) {
            s.setString(1, d.key());
            s.setString(2, d.kind());
            s.setInt(3, d.afterDecision());
            s.setString(4, d.changeId());
            s.executeUpdate();
        }
    }

    /**
     * After policy change {@code changeId} put {@code version} in force: POLICY work, due at
     * {@code at}, for every open incident decided under another version (replacing POLICY work an
     * earlier change left). Answers how many incidents are to be decided again.
     */
    public int schedulePolicy(String changeId, String version, Instant at) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement drop = c.prepareStatement("DELETE FROM incident_due WHERE kind = 'POLICY'"
                    + " AND incident_key IN (SELECT incident_key FROM incident WHERE state = 'OPEN' AND policy_version <> ?)");
                    PreparedStatement add = c.prepareStatement("INSERT INTO incident_due (incident_key, kind, due_at,"
                            + " after_decision, change_id, policy_version) SELECT incident_key, 'POLICY', ?, decisions, ?, ?"
                            + " FROM incident WHERE state = 'OPEN' AND policy_version <> ?")) {
                drop.setString(1, version);
                drop.executeUpdate();
                add.setTimestamp(1, Timestamp.from(at));
                add.setString(2, changeId);
                add.setString(3, version);
                add.setString(4, version);
                int scheduled = add.executeUpdate();
                c.commit();
                return scheduled;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** How many pieces of work are due at {@code now} and not yet done (for readiness and the tests). */
    public int dueCount(Instant now) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM incident_due WHERE due_at <= ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The rows of {@code change}, written in the transaction of its decision's record. */
    public Attached.Rows rows(IncidentChange change) {
        String state = text(change.after());
        String entry = text(change.entry());
        List<String> events = change.events().stream().map(this::text).toList();
        return c -> write(c, change, state, entry, events);
    }

    private static void write(Connection c, IncidentChange change, String state, String entry, List<String> events)
            throws SQLException {
        Incident a = change.after();
        checkStored(c, change);
        boolean creating = change.expectedDecisions() == 0;
        try (PreparedStatement s = c.prepareStatement(creating
                ? "INSERT INTO incident (state, revision, decisions, severity, policy_version, latest_decision_id,"
                        + " next_escalation_at, facts, current_state, updated_at, resolved_at, caller, opened_at,"
                        + " incident_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE incident SET state = ?, revision = ?, decisions = ?, severity = ?, policy_version = ?,"
                        + " latest_decision_id = ?, next_escalation_at = ?, facts = ?, current_state = ?, updated_at = ?,"
                        + " resolved_at = ? WHERE incident_key = ?")) {
            int i = 1;
            s.setString(i++, a.state().name());
            s.setInt(i++, a.revision());
            s.setInt(i++, a.decisions());
            s.setString(i++, a.severity());
            s.setString(i++, a.policyVersion());
            s.setString(i++, a.latestDecisionId());
            timestamp(s, i++, a.nextEscalation() == null ? null : a.nextEscalation().at());
            s.setString(i++, a.facts().toString());
            s.setString(i++, state);
            timestamp(s, i++, a.updatedAt());
            timestamp(s, i++, a.resolvedAt());
            if (creating) {
                s.setString(i++, a.openedBy());
                timestamp(s, i++, a.openedAt());
            }
            s.setString(i, a.key());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_decision (decision_id, incident_key, n,"
                + " trigger_kind, severity, previous, policy_version, late_ms, entry, decided_at, change_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            var e = change.entry();
            s.setString(1, e.decisionId());
            s.setString(2, a.key());
            s.setInt(3, e.n());
            s.setString(4, e.trigger().name());
            s.setString(5, e.severity());
            s.setString(6, e.severityBefore());
            s.setString(7, e.policyVersion());
            if (e.lateMillis() == null) {
                s.setNull(8, Types.BIGINT);
            } else {
                s.setLong(8, e.lateMillis());
            }
            s.setString(9, entry);
            timestamp(s, 10, e.decidedAt());
            s.setString(11, e.changeId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_event (event_id, incident_key, event_type,"
                + " decision_id, occurred_at, cloud_event) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < events.size(); k++) {
                ObjectNode e = change.events().get(k);
                s.setString(1, e.get("id").textValue());
                s.setString(2, a.key());
                s.setString(3, e.get("type").textValue());
                s.setString(4, a.latestDecisionId());
                timestamp(s, 5, a.updatedAt());
                s.setString(6, events.get(k));
                s.addBatch();
            }
            s.executeBatch();
        }
        // what this decision leaves due replaces what was; POLICY work stays unless this decision was made under its version
        try (PreparedStatement s = c.prepareStatement("DELETE FROM incident_due WHERE incident_key = ?"
                + " AND (kind <> 'POLICY' OR policy_version = ?)")) {
            s.setString(1, a.key());
            s.setString(2, a.policyVersion());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO incident_due (incident_key, kind, due_at, after_decision) VALUES (?, ?, ?, ?)")) {
            for (Due d : change.due()) {
                s.setString(1, d.key());
                s.setString(2, d.kind());
                timestamp(s, 3, d.dueAt());
                s.setInt(4, d.afterDecision());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Refuses the change when the stored incident is not the one it was made from (locked until commit). */
    private static void checkStored(Connection c, IncidentChange change) throws SQLException {
        String key = change.after().key();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT revision, decisions, state FROM incident WHERE incident_key = ? FOR UPDATE")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    if (change.expectedDecisions() != 0) {
                        throw new Attached.Refused(IncidentRefusedException.moved(key));
                    }
                    return;
                }
                int revision = rs.getInt(1);
                if (change.expectedDecisions() == 0
                        || change.expectedRevision() != null && revision != change.expectedRevision()) {
                    throw new Attached.Refused(IncidentRefusedException.stale(key,
                            change.expectedRevision() == null ? "(none)" : "\"" + change.expectedRevision() + "\"",
                            "\"" + revision + "\""));
                }
                if (IncidentState.RESOLVED.name().equals(rs.getString(3))) {
                    throw new Attached.Refused(IncidentRefusedException.resolved(key));
                }
                if (rs.getInt(2) != change.expectedDecisions()) {
                    throw new Attached.Refused(IncidentRefusedException.moved(key));
                }
            }
        }
    }

    private static void timestamp(PreparedStatement s, int i, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(i, Timestamp.from(at));
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an incident's state as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored incident row is not readable JSON", e);
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }
}
