package com.incidents.severity.webhook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.model.Delivery;
import com.incidents.severity.webhook.model.DeliveryState;
import com.incidents.severity.webhook.model.Subscription;

/**
 * Subscriptions, their deliveries and every attempt, in the service's database (migration V11),
 * beside the outbox they read (incident_event). Replicas share it: the fan-out and the claims take
 * their rows under {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so two replicas never fan the same
 * event out to a subscription twice nor send the same delivery at once.
 */
@ApplicationScoped
public class WebhookStore {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    @Inject
    AuditDatabase database;

    /** A delivery claimed for sending, with what it takes to send it. */
    public record Claimed(String id, String subscriptionId, String url, String secret, String incident, long eventSeq,
            int attempts, String cloudEvent) {

        @Override
        public String toString() { // never the secret, in a log or anywhere
            return "Claimed[" + id + " of subscription " + subscriptionId + ", event " + eventSeq + "]";
        }
    }

    public static String newId() {
        return IDS.generate().toString();
    }

    /** Stores a subscription whose cursor is the outbox's last event: it is sent the events after this moment. */
    public void create(Subscription s, String secret) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO subscription (id, owner, url, events, secret, cursor, created_at, active)"
                        + " VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) FROM incident_event), ?, TRUE)")) {
            st.setString(1, s.id());
            st.setString(2, s.owner());
            st.setString(3, s.url());
            st.setString(4, String.join(",", s.events()));
            st.setString(5, secret);
            st.setTimestamp(6, Timestamp.from(s.createdAt()));
            st.executeUpdate();
        }
    }

    /** An active subscription. */
    public Optional<Subscription> find(String id) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id, owner, url, events, created_at FROM subscription WHERE id = ? AND active = TRUE")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(subscription(rs)) : Optional.empty();
            }
        }
    }

    /** The active subscriptions of {@code owner}, or of everyone when null; the newest first. */
    public List<Subscription> list(String owner, int limit) throws SQLException {
        List<Subscription> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id, owner, url, events, created_at FROM subscription WHERE active = TRUE"
                        + (owner == null ? "" : " AND owner = ?") + " ORDER BY created_at DESC, id DESC LIMIT " + limit)) {
            if (owner != null) {
                st.setString(1, owner);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(subscription(rs));
                }
            }
        }
        return found;
    }

    /** Ends a subscription: nothing more is fanned out to it or sent. False when there was none active. */
    public boolean deactivate(String id) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE subscription SET active = FALSE WHERE id = ? AND active = TRUE")) {
            st.setString(1, id);
            return st.executeUpdate() == 1;
        }
    }

    /**
     * Fans the outbox out: locks up to {@code subscriptions} active subscriptions that are behind
     * the outbox (skipping those another replica holds, on PostgreSQL), inserts a delivery for each
     * event after a subscription's cursor (up to {@code events} of them) whose type it wants, and
     * moves its cursor past the events read, all in one transaction: each event becomes a delivery
     * of a subscription once. Answers how many subscriptions moved (0: none was behind).
     */
    public int fanOut(Instant now, int subscriptions, int events) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Object[]> locked = new LinkedHashMap<>();
                try (PreparedStatement st = c.prepareStatement("SELECT id, events, cursor FROM subscription"
                        + " WHERE active = TRUE AND cursor < (SELECT COALESCE(MAX(seq), 0) FROM incident_event)"
                        + " ORDER BY cursor, id LIMIT " + subscriptions + (database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"))) {
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            locked.put(rs.getString(1), new Object[] { List.of(rs.getString(2).split(",")), rs.getLong(3) });
                        }
                    }
                }
                try (PreparedStatement read = c.prepareStatement("SELECT seq, event_id, incident_key, event_type"
                        + " FROM incident_event WHERE seq > ? ORDER BY seq LIMIT " + events);
                        PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id,"
                                + " event_seq, event_id, event_type, incident_key, state, attempts, next_attempt_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)");
                        PreparedStatement move = c.prepareStatement("UPDATE subscription SET cursor = ? WHERE id = ?")) {
                    for (var s : locked.entrySet()) {
                        @SuppressWarnings("unchecked")
                        List<String> types = (List<String>) s.getValue()[0];
                        long cursor = (Long) s.getValue()[1];
                        read.setLong(1, cursor);
                        try (ResultSet rs = read.executeQuery()) {
                            while (rs.next()) {
                                cursor = rs.getLong(1);
                                if (types.contains(rs.getString(4))) {
                                    insert.setString(1, newId());
                                    insert.setString(2, s.getKey());
                                    insert.setLong(3, cursor);
                                    insert.setString(4, rs.getString(2));
                                    insert.setString(5, rs.getString(4));
                                    insert.setString(6, rs.getString(3));
                                    insert.setTimestamp(7, Timestamp.from(now));
                                    insert.addBatch();
                                }
                            }
                        }
                        move.setLong(1, cursor);
                        move.setString(2, s.getKey());
                        move.addBatch();
                    }
                    insert.executeBatch();
                    move.executeBatch();
                }
                c.commit();
                return locked.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Claims up to {@code limit} deliveries due at {@code now} for {@code lease}: PENDING, due, not
     * held by an unexpired lease, of an active subscription, and with no earlier PENDING delivery
     * (lower event seq) of the same subscription and incident, so an incident's events are sent to
     * a subscriber one after the other, in order. A FAILED delivery holds no later one back.
     */
    public List<Claimed> claim(Instant now, int limit, Duration lease) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement st = c.prepareStatement("SELECT d.id FROM webhook_delivery d"
                        + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?"
                        + " AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
                        + " AND d.subscription_id IN (SELECT s.id FROM subscription s WHERE s.active = TRUE)"
                        + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id"
                        + " AND e.incident_key = d.incident_key AND e.state = 'PENDING' AND e.event_seq < d.event_seq)"
                        + " ORDER BY d.next_attempt_at, d.event_seq LIMIT " + limit
                        + (database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"))) {
                    st.setTimestamp(1, Timestamp.from(now));
                    st.setTimestamp(2, Timestamp.from(now));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                try (PreparedStatement mark = c.prepareStatement("UPDATE webhook_delivery SET claimed_until = ? WHERE id = ?")) {
                    for (String id : ids) {
                        mark.setTimestamp(1, Timestamp.from(now.plus(lease)));
                        mark.setString(2, id);
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT d.id, d.subscription_id, s.url, s.secret, d.incident_key,"
                    + " d.event_seq, d.attempts, e.cloud_event FROM webhook_delivery d"
                    + " JOIN subscription s ON s.id = d.subscription_id JOIN incident_event e ON e.seq = d.event_seq"
                    + " WHERE d.id IN (" + "?, ".repeat(ids.size() - 1) + "?) ORDER BY d.event_seq")) {
                for (int i = 0; i < ids.size(); i++) {
                    st.setString(i + 1, ids.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getString(8)));
                    }
                }
            }
            return claimed;
        }
    }

    /**
     * Records an attempt and what follows from it, in one transaction: the attempt row (numbered
     * after the delivery's earlier ones), the delivery's state, attempt count and next attempt; the lease ends.
     */
    public void attempted(String deliveryId, Attempt a, DeliveryState state, int attempts, Instant next)
            throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_attempt (delivery_id, n, at, status,"
                    + " error, millis) VALUES (?, (SELECT COALESCE(MAX(n), 0) + 1 FROM webhook_attempt WHERE delivery_id = ?),"
                    + " ?, ?, ?, ?)");
                    PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery SET state = ?, attempts = ?,"
                            + " next_attempt_at = ?, claimed_until = NULL, delivered_at = ? WHERE id = ?")) {
                insert.setString(1, deliveryId);
                insert.setString(2, deliveryId);
                insert.setTimestamp(3, Timestamp.from(a.at()));
                if (a.status() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, a.status());
                }
                insert.setString(5, a.error() == null ? null : clip(a.error(), 1000));
                insert.setLong(6, a.millis());
                insert.executeUpdate();
                update.setString(1, state.name());
                update.setInt(2, attempts);
                update.setTimestamp(3, Timestamp.from(next));
                if (state == DeliveryState.DELIVERED) {
                    update.setTimestamp(4, Timestamp.from(a.at()));
                } else {
                    update.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                update.setString(5, deliveryId);
                update.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The subscription a delivery belongs to, if the delivery exists. */
    public Optional<String> subscriptionOf(String deliveryId) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT subscription_id FROM webhook_delivery WHERE id = ?")) {
            st.setString(1, deliveryId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Queues a delivery again, due {@code now}, with a fresh budget of attempts (its earlier attempts stay). */
    public boolean requeue(String deliveryId, Instant now) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = NULL,"
                        + " delivered_at = NULL WHERE id = ?")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setString(2, deliveryId);
            return st.executeUpdate() == 1;
        }
    }

    /** A subscription's latest {@code limit} deliveries (the latest event first), each with its attempts in order. */
    public List<Delivery> deliveries(String subscriptionId, int limit) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement st = c.prepareStatement("SELECT id, subscription_id, event_id, event_type, incident_key,"
                    + " event_seq, state, attempts, next_attempt_at, delivered_at FROM webhook_delivery"
                    + " WHERE subscription_id = ? ORDER BY event_seq DESC LIMIT " + limit)) {
                st.setString(1, subscriptionId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), DeliveryState.valueOf(rs.getString(7)), rs.getInt(8),
                                instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)) });
                    }
                }
            }
            Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
            if (!rows.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("SELECT delivery_id, n, at, status, error, millis"
                        + " FROM webhook_attempt WHERE delivery_id IN (" + "?, ".repeat(rows.size() - 1) + "?) ORDER BY delivery_id, n")) {
                    for (int i = 0; i < rows.size(); i++) {
                        st.setString(i + 1, (String) rows.get(i)[0]);
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            int code = rs.getInt(4);
                            Integer status = rs.wasNull() ? null : code;
                            attempts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Attempt(rs.getInt(2),
                                    rs.getTimestamp(3).toInstant(), status, rs.getString(5), rs.getLong(6)));
                        }
                    }
                }
            }
            List<Delivery> found = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                DeliveryState state = (DeliveryState) r[6];
                found.add(new Delivery((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (Long) r[5], state, (Integer) r[7], state == DeliveryState.PENDING ? (Instant) r[8] : null,
                        (Instant) r[9], attempts.getOrDefault((String) r[0], List.of())));
            }
            return found;
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), Arrays.asList(rs.getString(4).split(",")),
                rs.getTimestamp(5).toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
