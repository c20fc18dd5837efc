package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.store.ChainWriter;

/**
 * An audit writer of its own on a real chain writer, whose first group is held at the store until
 * the others have queued behind it: so a test knows which records share one group commit.
 */
public final class HeldAuditWriter implements AutoCloseable {

    private final AuditWriter writer = new AuditWriter();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore writing = new Semaphore(0);

    public HeldAuditWriter(ChainWriter store, AuditConfig config) {
        writer.config = AuditWriterTest.config(config.batchSize(), config.queueCapacity(), config.commitTimeout(),
                config.restartAfter());
        writer.metrics = new AuditMetrics(new SimpleMeterRegistry());
        writer.chain = new ChainWriter() {
            @Override
            public boolean appendOwn(List<AuditEntry> entries, BooleanSupplier mayCommit) throws SQLException {
                writing.release();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.appendOwn(entries, mayCommit);
            }
        };
        writer.start();
    }

    /** Writes {@code first} alone, holding it at the store while {@code group} queues; their acknowledgements. */
    public List<CompletableFuture<Void>> appendAsOneGroup(AuditEntry first, List<AuditEntry> group)
            throws InterruptedException {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        acks.add(writer.append(first));
        if (!writing.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the writer did not take the first record");
        }
        group.forEach(e -> acks.add(writer.append(e)));
        gate.countDown();
        return acks;
    }

    @Override
    public void close() {
        gate.countDown();
        writer.stop();
    }
}
