package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The texts many records share, stored once each inside the batch's transaction: the policy text
 * of every version that decided (by version, a content hash) and every distinct trace (by its
 * SHA-256). What this instance has seen committed is remembered, so a batch looks up only new ones;
 * another instance may have stored the same text first, hence the lookup before each insert.
 */
@ApplicationScoped
public class SharedTexts {

    private static final String INSERT_TRACE_POSTGRES =
            "INSERT INTO decision_trace (hash, trace) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING";
    private static final String INSERT_TRACE_H2 = "MERGE INTO decision_trace (hash, trace) KEY (hash) VALUES (?, ?)";

    @Inject
    ObjectMapper json;

    private final Set<String> versions = ConcurrentHashMap.newKeySet();
    private final Set<String> traces = ConcurrentHashMap.newKeySet();

    void store(Statements statements, List<AuditEntry> entries, boolean postgres) throws SQLException {
        storePolicies(statements.connection(), entries);
        storeTraces(statements, entries, postgres);
    }

    /** After the batch committed: its texts are known to be stored. */
    void committed(List<AuditEntry> entries) {
        entries.forEach(e -> versions.add(e.policy().version()));
        if (traces.size() > 1_000_000) {
            traces.clear();
        }
        entries.stream().filter(e -> e.trace() != null).forEach(e -> traces.add(e.trace().hash()));
    }

    /**
     * The traces this instance has not seen committed, in one batched statement that leaves a trace
     * another writer stored first as it is (same hash, same text): on new facts nearly every
     * decision has a trace of its own, and a lookup and an insert per trace were two statements per
     * record. Writers hold the chain head's lock meanwhile, so no two insert the same trace at once.
     */
    private void storeTraces(Statements statements, List<AuditEntry> entries, boolean postgres) throws SQLException {
        Set<String> batch = new HashSet<>();
        PreparedStatement insert = null;
        for (AuditEntry e : entries) {
            if (e.trace() == null || traces.contains(e.trace().hash()) || !batch.add(e.trace().hash())) {
                continue;
            }
            if (insert == null) {
                insert = statements.get(postgres ? INSERT_TRACE_POSTGRES : INSERT_TRACE_H2);
            }
            insert.setString(1, e.trace().hash());
            insert.setString(2, e.trace().text());
            insert.addBatch();
        }
        if (insert != null) {
            insert.executeBatch();
        }
    }

    private void storePolicies(Connection c, List<AuditEntry> entries) throws SQLException {
        Set<String> batch = new HashSet<>();
        for (AuditEntry e : entries) {
            PolicyFiles policy = e.policy();
            if (versions.contains(policy.version()) || !batch.add(policy.version())) {
                continue;
            }
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM policy_version WHERE version = ?")) {
                find.setString(1, policy.version());
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        insertPolicy(c, policy);
                    }
                }
            } // remembered only in committed(): a batch that rolls back takes its insert with it
        }
    }

    private void insertPolicy(Connection c, PolicyFiles policy) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO policy_version (version, origin, files, first_used_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, policy.version());
            insert.setString(2, policy.origin());
            insert.setString(3, filesJson(policy));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private String filesJson(PolicyFiles policy) {
        var node = json.createObjectNode();
        policy.files().keySet().forEach(path -> node.put(path, policy.text(path)));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
