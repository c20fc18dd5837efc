package com.incidents.severity.audit.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.incidents.severity.audit.model.AuditEntry;

/**
 * One record waiting to be committed, and the handshake that keeps "recorded and answered, or
 * neither": the writer claims it, then, once the batch is written, marks it committing just before
 * the commit. A caller whose wait runs out abandons it only while it is queued or claimed; once it
 * is committing, the caller waits for that commit's result (bounded by the writer's statement
 * timeout). The writer rolls a batch back if any of its records was abandoned.
 */
final class PendingRecord {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int COMMITTING = 2;
    private static final int ABANDONED = 3;

    final AuditEntry entry;
    final CompletableFuture<Void> committed = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    PendingRecord(AuditEntry entry) {
        this.entry = entry;
    }

    /** The writer takes it; false when the caller has already given up on it. */
    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /** Just before the commit; false when the caller gave up while the batch was being written. */
    boolean commit() {
        return state.compareAndSet(CLAIMED, COMMITTING);
    }

    /** The batch was rolled back without this record's fault: it may be claimed again. */
    void release() {
        state.compareAndSet(COMMITTING, CLAIMED);
    }

    /** The caller's wait ran out: true when the record will never be committed. */
    boolean abandon() {
        return state.compareAndSet(QUEUED, ABANDONED) || state.compareAndSet(CLAIMED, ABANDONED);
    }

    boolean abandoned() {
        return state.get() == ABANDONED;
    }
}
