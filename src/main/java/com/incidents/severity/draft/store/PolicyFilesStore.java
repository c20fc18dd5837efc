package com.incidents.severity.draft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The files of the versions drafts start from and publishes put in force (table policy_files), by
 * version, for every replica. A stored text is used only when it hashes back to its version.
 */
@ApplicationScoped
public class PolicyFilesStore {

    @Inject
    AuditDatabase database;

    @Inject
    ObjectMapper json;

    /** Stores the files unless their version is stored already. */
    public void store(Connection c, PolicyFiles files) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM policy_files WHERE version = ?")) {
            find.setString(1, files.version());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        Map<String, String> encoded = new TreeMap<>();
        files.files().forEach((path, bytes) -> encoded.put(path, Base64.getEncoder().encodeToString(bytes)));
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO policy_files (version, files, stored_at) VALUES (?, ?, ?)")) {
            s.setString(1, files.version());
            s.setString(2, json.writeValueAsString(encoded));
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<PolicyFiles> find(String version) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return find(c, version);
        }
    }

    public Optional<PolicyFiles> find(Connection c, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT files FROM policy_files WHERE version = ?")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> encoded = json.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {
                });
                Map<String, byte[]> files = new TreeMap<>();
                encoded.forEach((path, text) -> files.put(path, Base64.getDecoder().decode(text)));
                PolicyFiles stored = PolicyFiles.of("database:" + version, files);
                if (!stored.version().equals(version)) {
                    throw new IllegalStateException("The stored files of " + version + " hash to " + stored.version());
                }
                return Optional.of(stored);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The stored files of " + version + " are not readable", e);
            }
        }
    }
}
