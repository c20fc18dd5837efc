package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The chain head row as it is committed now: the last position and its hash (0 and the genesis hash while empty). */
@ApplicationScoped
public class HeadStore {

    public record Head(long seq, String hash) {
    }

    @Inject
    AuditDatabase database;

    public Head read() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return read(c);
        }
    }

    /**
     * Null when the store still holds the head {@code seq}/{@code hash} (record {@code seq} has that
     * hash, or lies behind the retention checkpoint); else what is wrong.
     */
    public String problemWith(long seq, String hash) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            Head head = read(c);
            if (seq > head.seq()) {
                return "the chain ends at record " + head.seq() + ", before record " + seq + " of the last exported head";
            }
            if (seq == 0) {
                return ChainHash.GENESIS.equals(hash) ? null : "the last exported head is an empty chain with another hash";
            }
            String stored;
            try (PreparedStatement s = c.prepareStatement("SELECT hash FROM decision_record WHERE seq = ?")) {
                s.setLong(1, seq);
                try (ResultSet rs = s.executeQuery()) {
                    stored = rs.next() ? rs.getString(1) : null;
                }
            }
            if (stored == null) {
                var checkpoint = Checkpoints.read(c);
                return checkpoint != null && checkpoint.seq() >= seq ? null
                        : "record " + seq + " of the last exported head is missing";
            }
            return stored.equals(hash) ? null
                    : "record " + seq + " no longer has the hash of the last exported head (rewritten)";
        }
    }

    static Head read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }
}
