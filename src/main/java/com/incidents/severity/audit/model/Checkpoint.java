package com.incidents.severity.audit.model;

import java.time.Instant;

/**
 * The last record pruned by retention: its position and hash (the first record kept links to it),
 * when it was pruned and the archive file that holds it and the records before it, signed with the
 * audit signing key ({@code keyId} names it) over {@link #payload()}. Checkpoints made before
 * checkpoints were signed have neither.
 */
public record Checkpoint(long seq, String hash, Instant prunedAt, String archive, String keyId, String signature) {

    /** The text signed: {@code severity-audit-checkpoint-v1|seq|hash|prunedAt|archive}. */
    public String payload() {
        return "severity-audit-checkpoint-v1|" + seq + "|" + hash + "|" + prunedAt + "|" + archive;
    }

    public Checkpoint signed(String keyId, String signature) {
        return new Checkpoint(seq, hash, prunedAt, archive, keyId, signature);
    }
}
