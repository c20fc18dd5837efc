package com.incidents.severity.audit.model;

import java.time.Instant;

/**
 * The last record pruned by retention: its position and hash (the first record kept links to it),
 * when it was pruned and the archive file that holds it and the records before it.
 */
public record Checkpoint(long seq, String hash, Instant prunedAt, String archive) {
}
