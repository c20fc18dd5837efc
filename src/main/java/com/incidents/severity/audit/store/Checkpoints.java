package com.incidents.severity.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import com.incidents.severity.audit.model.Checkpoint;

/** The retention checkpoint row (see V3__audit_checkpoint.sql and V5__signed_checkpoint.sql). */
final class Checkpoints {

    private Checkpoints() {
    }

    /** The checkpoint, or null while nothing has been pruned. */
    static Checkpoint read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, hash, pruned_at, archive, key_id, signature FROM audit_checkpoint WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Checkpoint(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getString(4), rs.getString(5), rs.getString(6)) : null;
        }
    }

    static void write(Connection c, Checkpoint cp, boolean exists) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(exists
                ? "UPDATE audit_checkpoint SET seq = ?, hash = ?, pruned_at = ?, archive = ?, key_id = ?, signature = ? WHERE id = 1"
                : "INSERT INTO audit_checkpoint (seq, hash, pruned_at, archive, key_id, signature, id) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
            s.setLong(1, cp.seq());
            s.setString(2, cp.hash());
            s.setTimestamp(3, Timestamp.from(cp.prunedAt()));
            s.setString(4, cp.archive());
            s.setString(5, cp.keyId());
            s.setString(6, cp.signature());
            s.executeUpdate();
        }
    }
}
