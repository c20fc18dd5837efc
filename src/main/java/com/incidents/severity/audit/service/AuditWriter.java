package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.store.ChainWriter;
import com.incidents.severity.problem.ErrorIds;
import com.incidents.severity.problem.ProblemException;

/**
 * Group commit: requests queue their records; one writer thread takes whatever has gathered and
 * writes it in one transaction, then releases each waiting request. A request is answered only
 * after its record is committed; if the write fails, the request fails too.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    private record Pending(AuditEntry entry, CompletableFuture<Void> committed) {
    }

    @Inject
    ChainWriter chain;

    @Inject
    AuditConfig config;

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean idle;
    private Thread writer;

    @PostConstruct
    void start() {
        running = true;
        writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a record without taking a lock: requests arrive on the event loop, and the writer is
     * woken only when it has gone idle, so a busy writer costs the callers nothing.
     */
    public CompletableFuture<Void> append(AuditEntry entry) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running) {
            committed.completeExceptionally(stopped());
            return committed;
        }
        if (queued.incrementAndGet() > config.queueCapacity()) {
            queued.decrementAndGet();
            committed.completeExceptionally(new AuditUnavailableException("The audit queue is full",
                    "The audit trail already has " + config.queueCapacity() + " records waiting to be written, so "
                            + "nothing was decided for this request; retry it shortly"));
            return committed;
        }
        queue.add(new Pending(entry, committed));
        if (!running) { // stopped while queuing: the writer may be gone, so fail what it left behind
            failQueued();
        } else if (idle) {
            LockSupport.unpark(writer);
        }
        return committed;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            Pending next = queue.poll();
            if (next == null) {
                idle = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, 200_000_000L);
                }
                idle = false;
                continue;
            }
            do {
                batch.add(next);
            } while (batch.size() < config.batchSize() && (next = queue.poll()) != null);
            queued.addAndGet(-batch.size());
            write(batch);
            batch.clear();
        }
    }

    private void failQueued() {
        AuditUnavailableException stopped = stopped();
        for (Pending p; (p = queue.poll()) != null;) {
            queued.decrementAndGet();
            p.committed().completeExceptionally(stopped);
        }
    }

    private void write(List<Pending> batch) {
        try {
            long t0 = System.nanoTime();
            chain.append(batch.stream().map(Pending::entry).toList());
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Recorded %d decisions in %d µs", batch.size(), (System.nanoTime() - t0) / 1000);
            }
            batch.forEach(p -> p.committed().complete(null));
        } catch (SQLException e) { // the store is down or refused the write: every caller of the batch gets a 503
            String errorId = ErrorIds.logged(LOG, e, "Could not record " + batch.size() + " decisions; their requests fail");
            fail(batch, new AuditUnavailableException("The audit store is unavailable",
                    "The audit store failed to record this decision, so nothing was decided for this request; "
                            + "retry it once the store is back",
                    errorId, e));
        } catch (RuntimeException e) { // a bug: a 500, not a store to wait for
            String errorId = ErrorIds.logged(LOG, e,
                    "Recording " + batch.size() + " decisions failed unexpectedly; their requests fail");
            fail(batch, ProblemException.internal(errorId, e));
        }
    }

    private static void fail(List<Pending> batch, RuntimeException failure) {
        batch.forEach(p -> p.committed().completeExceptionally(failure));
    }

    private static AuditUnavailableException stopped() {
        return new AuditUnavailableException("The audit writer has stopped",
                "The service is stopping and its audit trail records nothing more, so nothing was decided for this "
                        + "request; send it again once the service is back");
    }

    /** On shutdown, records already queued are still written before the writer stops. */
    @PreDestroy
    void stop() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
