package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.store.ChainWriter;
import com.incidents.severity.decision.service.DecisionLog;
import com.incidents.severity.problem.ErrorIds;
import com.incidents.severity.problem.ProblemException;

/**
 * Group commit: requests queue their records; one writer thread takes whatever has gathered and
 * writes it in one transaction on its own connection, then releases each waiting request. A
 * request is answered only after its record is committed; if the write fails or does not commit
 * within {@code severity.audit.commit-timeout}, the request fails and its record is not written
 * (see {@link PendingRecord}). A record the store refuses fails alone (see {@link #write}). If the
 * writer thread dies (an {@link Error}), the writer's own supervisor starts a new one once it has
 * been dead for {@code severity.audit.restart-after} (readiness only reports it); meanwhile
 * requests are refused, not left waiting.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    @Inject
    ChainWriter chain;

    @Inject
    AuditConfig config;

    @Inject
    AuditMetrics metrics;

    private final Queue<PendingRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean idle;
    private volatile Thread writer;
    private volatile Throwable death;
    private volatile long deadSince;
    private volatile List<PendingRecord> inFlight = List.of();
    private ScheduledThreadPoolExecutor timeouts;

    @PostConstruct
    void start() {
        running = true;
        timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("audit-commit-timeout");
            t.setDaemon(true);
            return t;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        metrics.queueDepth(queued::get);
        spawn();
        long every = Math.max(10, config.restartAfter().toMillis() / 4);
        timeouts.scheduleWithFixedDelay(this::supervise, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The writer's own supervisor, a few times per {@code severity.audit.restart-after}: a writer
     * thread dead for that long is started again.
     */
    private void supervise() {
        try {
            if (alive()) {
                return;
            }
            long now = System.nanoTime();
            if (deadSince == 0) { // its death was not recorded (the Error struck its last words too)
                deadSince = now;
            }
            if (now - deadSince >= config.restartAfter().toNanos()) {
                restartIfDead();
            }
        } catch (RuntimeException e) { // keep supervising: an exception would cancel the schedule
            LOG.errorf(e, "Could not restart the audit writer thread; trying again in %d ms",
                    config.restartAfter().toMillis());
        }
    }

    private synchronized void spawn() {
        death = null;
        deadSince = 0;
        Thread t = new Thread(this::run, "audit-writer");
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    /** False once the writer thread has died (not when it was stopped with the service). */
    public boolean alive() {
        return !running || writer.isAlive();
    }

    /** Why the writer thread died, while it is dead. */
    public Optional<String> deathCause() {
        Throwable cause = death;
        return alive() || cause == null ? Optional.empty() : Optional.of(cause.getClass().getSimpleName());
    }

    /** Starts a new writer thread if the last one died; true when it did. Called by the writer's supervisor. */
    synchronized boolean restartIfDead() {
        if (alive()) {
            return false;
        }
        chain.discardConnection(); // the dead thread may have left a transaction open on it
        LOG.warnf("Restarting the audit writer thread, which died of %s", deathCause().orElse("an unknown cause"));
        spawn();
        return true;
    }

    /** The current writer thread (for tests that end it as an Error would). */
    Thread thread() {
        return writer;
    }

    /** Whether the writer thread waits for records with none queued (for tests). */
    boolean idle() {
        return idle && queue.isEmpty();
    }

    /** Records waiting to be written. */
    public int queued() {
        return queued.get();
    }

    /**
     * Queues a record without taking a lock: the writer is woken only when it has gone idle, so a
     * busy writer costs the callers nothing.
     */
    public CompletableFuture<Void> append(AuditEntry entry) {
        PendingRecord pending = new PendingRecord(entry);
        if (!running) {
            pending.committed.completeExceptionally(stopped());
            return pending.committed;
        }
        if (!alive()) {
            pending.committed.completeExceptionally(dead());
            return pending.committed;
        }
        if (queued.incrementAndGet() > config.queueCapacity()) {
            queued.decrementAndGet();
            pending.committed.completeExceptionally(new AuditUnavailableException("The audit queue is full",
                    "The audit trail already has " + config.queueCapacity() + " records waiting to be written, so "
                            + "nothing was decided for this request; retry it shortly"));
            return pending.committed;
        }
        queue.add(pending);
        ScheduledFuture<?> timeout = timeouts.schedule(() -> giveUp(pending), config.commitTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        pending.committed.whenComplete((done, failure) -> timeout.cancel(false));
        if (!running) { // stopped while queuing: the writer may be gone, so fail what it left behind
            failQueued();
        } else if (idle) {
            LockSupport.unpark(writer);
        }
        return pending.committed;
    }

    private void giveUp(PendingRecord pending) {
        if (pending.abandon()) {
            metrics.timedOut();
            MDC.put(DecisionLog.DECISION_ID, pending.entry.decisionId());
            MDC.put(DecisionLog.CALLER, pending.entry.caller());
            LOG.warnf("Decision %s was not recorded within %d ms; answered 503, its record will not be written",
                    pending.entry.decisionId(), config.commitTimeout().toMillis());
            pending.committed.completeExceptionally(new AuditUnavailableException("The audit commit timed out",
                    "The audit trail did not record this decision within " + config.commitTimeout().toMillis()
                            + " ms, so nothing was decided for this request and nothing is recorded; retry it shortly"));
            MDC.remove(DecisionLog.DECISION_ID);
            MDC.remove(DecisionLog.CALLER);
        }
    }

    private void run() {
        try {
            loop();
        } catch (Throwable e) { // an Error: the thread ends; readiness reports it, the supervisor restarts it
            death = e;
            deadSince = System.nanoTime();
            String errorId = ErrorIds.logged(LOG, e, "The audit writer thread died; its batch fails");
            inFlight.forEach(p -> p.committed.completeExceptionally(new AuditUnavailableException(
                    "The audit writer died", "The audit trail failed while recording this decision, so nothing was "
                            + "decided for this request; retry it shortly",
                    errorId, e)));
            inFlight = List.of();
            if (e instanceof ThreadDeath death) {
                throw death;
            }
        }
    }

    private void loop() {
        List<PendingRecord> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            PendingRecord next = queue.poll();
            if (next == null) {
                idle = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, 200_000_000L);
                }
                idle = false;
                continue;
            }
            int taken = 0;
            do {
                taken++;
                if (next.claim()) {
                    batch.add(next);
                }
            } while (batch.size() < config.batchSize() && (next = queue.poll()) != null);
            queued.addAndGet(-taken);
            if (!batch.isEmpty()) {
                inFlight = batch;
                write(batch);
                inFlight = List.of();
            }
            batch = new ArrayList<>();
        }
    }

    private void failQueued() {
        AuditUnavailableException stopped = stopped();
        for (PendingRecord p; (p = queue.poll()) != null;) {
            queued.decrementAndGet();
            p.committed.completeExceptionally(stopped);
        }
    }

    /**
     * Writes the batch in order. A group the store refuses for what one of its records holds (a
     * value or constraint it rejects, see {@link #refused}) is written again in halves, so only the
     * refused record fails (a 500: the same record would be refused again) and the chain head never
     * moves for it; any other failure means the store is down and fails what is left (a 503).
     */
    private void write(List<PendingRecord> batch) {
        Deque<List<PendingRecord>> groups = new ArrayDeque<>();
        groups.push(batch);
        while (!groups.isEmpty()) {
            List<PendingRecord> group = groups.pop();
            try {
                writeGroup(group);
            } catch (SQLException e) {
                List<PendingRecord> live = live(group);
                if (refused(e) && live.isEmpty()) {
                    continue; // every caller of the group gave up: nothing to split or answer
                }
                if (refused(e) && live.size() > 1) {
                    LOG.warnf("The audit store refused a group of %d records (SQLSTATE %s); writing it again in halves",
                            live.size(), e.getSQLState()); // not its message: PostgreSQL's quotes whole records
                    groups.push(live.subList(live.size() / 2, live.size()));
                    groups.push(live.subList(0, live.size() / 2));
                } else if (e instanceof com.incidents.severity.decision.model.Attached.Refused r) {
                    fail(live, r.problem()); // what the record carried was refused as it stands: the caller's answer
                } else if (refused(e)) {
                    metrics.failed();
                    String errorId = ErrorIds.logged(LOG, e, "The audit store refused the record of decision "
                            + live.stream().map(p -> p.entry.decisionId()).findFirst().orElse("(given up)")
                            + "; its request fails");
                    fail(live, ProblemException.internal(errorId, e));
                } else {
                    live.addAll(remaining(groups));
                    metrics.failed();
                    String errorId = ErrorIds.logged(LOG, e,
                            "Could not record " + live.size() + " decisions; their requests fail");
                    fail(live, new AuditUnavailableException("The audit store is unavailable",
                            "The audit store failed to record this decision, so nothing was decided for this request; "
                                    + "retry it once the store is back",
                            errorId, e));
                    return;
                }
            } catch (RuntimeException e) { // a bug: a 500, not a store to wait for
                List<PendingRecord> live = live(group);
                live.addAll(remaining(groups));
                metrics.failed();
                String errorId = ErrorIds.logged(LOG, e,
                        "Recording " + live.size() + " decisions failed unexpectedly; their requests fail");
                fail(live, ProblemException.internal(errorId, e));
                return;
            }
        }
    }

    /** Writes one group in one transaction; if a caller gave up meanwhile, rolls back and writes the others again. */
    private void writeGroup(List<PendingRecord> group) throws SQLException {
        List<PendingRecord> live = live(group);
        while (!live.isEmpty()) {
            long t0 = System.nanoTime();
            List<PendingRecord> attempt = live;
            if (chain.appendOwn(attempt.stream().map(p -> p.entry).toList(), () -> commitAll(attempt))) {
                metrics.committed(attempt.size(), System.nanoTime() - t0);
                attempt.forEach(p -> p.committed.complete(null));
                return;
            }
            live = live(attempt);
        }
    }

    private static List<PendingRecord> live(List<PendingRecord> group) {
        return group.stream().filter(p -> !p.abandoned()).collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<PendingRecord> remaining(Deque<List<PendingRecord>> groups) {
        List<PendingRecord> rest = new ArrayList<>();
        groups.forEach(g -> rest.addAll(live(g)));
        return rest;
    }

    /**
     * The store refused what a record holds, not the write: SQLSTATE class 22 (data exception, such
     * as a value too long for its column) or 23 (integrity constraint violation), here or in the
     * exceptions it chains (a batch's failure carries its statement's).
     */
    static boolean refused(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return true;
            }
            t = t.getCause() != null ? t.getCause() : t instanceof SQLException s ? s.getNextException() : null;
        }
        return false;
    }

    /** All of the batch's records move to committing, or none does (and the batch is rolled back). */
    private static boolean commitAll(List<PendingRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).commit()) {
                for (int j = 0; j < i; j++) {
                    batch.get(j).release();
                }
                return false;
            }
        }
        return true;
    }

    private static void fail(List<PendingRecord> batch, RuntimeException failure) {
        batch.forEach(p -> p.committed.completeExceptionally(failure));
    }

    private static AuditUnavailableException stopped() {
        return new AuditUnavailableException("The audit writer has stopped",
                "The service is stopping and its audit trail records nothing more, so nothing was decided for this "
                        + "request; send it again once the service is back");
    }

    private static AuditUnavailableException dead() {
        return new AuditUnavailableException("The audit writer is not running",
                "The audit trail's writer has failed and is being restarted, so nothing was decided for this "
                        + "request; retry it shortly");
    }

    /**
     * On shutdown, records already queued are still written before the writer stops; then the
     * embedded store is compacted ({@code severity.audit.compact-on-shutdown}).
     */
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
        timeouts.shutdownNow();
        if (config.compactOnShutdown()) {
            chain.compactEmbedded();
        }
    }
}
