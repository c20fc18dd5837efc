package com.incidents.severity.audit.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.store.ChainWriter;

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

    private BlockingQueue<Pending> queue;
    private Thread writer;
    private volatile boolean running;

    public synchronized CompletableFuture<Void> append(AuditEntry entry) {
        if (writer == null) {
            start();
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(entry, committed))) {
            committed.completeExceptionally(new AuditUnavailableException("The audit queue is full", null));
        }
        return committed;
    }

    private void start() {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        running = true;
        writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
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
        } catch (Exception e) {
            LOG.errorf(e, "Could not record %d decisions; their requests fail", batch.size());
            AuditUnavailableException failure = new AuditUnavailableException("The audit store is unavailable", e);
            batch.forEach(p -> p.committed().completeExceptionally(failure));
        }
    }

    /** On shutdown, records already queued are still written before the writer stops. */
    @PreDestroy
    synchronized void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
