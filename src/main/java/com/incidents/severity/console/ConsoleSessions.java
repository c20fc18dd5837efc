package com.incidents.severity.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.security.SecurityConfig;

/**
 * The console's sessions, in the audit database (console_session, V6) so that every replica sees a
 * sign-out: a random id per sign-in, kept in the browser's {@link #COOKIE} and stored here as its
 * SHA-256 with its user and its end. The form's encrypted cookie says who is signed in; this row
 * says whether that sign-in still holds.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "severity-session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditDatabase database;
    private final SecurityConfig.Session config;

    ConsoleSessions(AuditDatabase database, SecurityConfig security) {
        this.database = database;
        this.config = security.session();
    }

    /** A new session of {@code user}; its id, to be sent in {@link #COOKIE}. Sessions past their end are deleted. */
    public String open(String user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE expires_at < ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_session"
                    + " (id_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, hash(id));
                s.setString(2, user);
                s.setTimestamp(3, Timestamp.from(now));
                s.setTimestamp(4, Timestamp.from(now.plus(config.lifetime())));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the console session", e);
        }
        return id;
    }

    /** Whether {@code id} is a session of {@code user} that has neither ended nor been signed out. */
    public boolean live(String id, String user) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return false;
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT user_name FROM console_session"
                        + " WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?")) {
            s.setString(1, hash(id));
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1).equals(user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the console session", e);
        }
    }

    /** Signs the session out, for every replica. */
    public void revoke(String id) {
        if (id == null) {
            return;
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE console_session SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, hash(id));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot sign the console session out", e);
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
