package com.incidents.severity.webhook.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.webhook.WebhooksConfig;
import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.model.DeliveryState;
import com.incidents.severity.webhook.store.WebhookStore;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Telling subscribers: every {@code severity.webhooks.poll-interval}, each replica fans the
 * outbox's new events out to the subscriptions (a delivery per matching event, once, see
 * {@link WebhookStore#fanOut}), then claims the deliveries that are due ({@link WebhookStore#claim},
 * in order per subscription and incident) and sends them. A 2xx answer delivers; anything else,
 * or no answer, is a failed attempt, tried again after {@code first-retry}, then twice as long each
 * time up to {@code max-retry}, until {@code max-attempts} have failed: then the delivery is FAILED
 * (and no longer holds the incident's later events back). Delivery is at least once: a delivery
 * is sent again only when its 2xx was not recorded (the replica stopped between the answer and
 * the record, or the lease ran out), so receivers dedupe on the CloudEvent's id.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    /** Events one fan-out reads per subscription, and subscriptions one fan-out locks. */
    private static final int FAN_OUT_EVENTS = 500;
    private static final int FAN_OUT_SUBSCRIPTIONS = 100;
    /** Rounds of one look at most, so a look always ends. */
    private static final int ROUNDS = 1000;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSender sender;

    @Inject
    WebhooksConfig config;

    @Inject
    Clock clock;

    private ExecutorService senders;

    @PostConstruct
    void start() {
        senders = Executors.newFixedThreadPool(Math.max(1, config.senders()), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    @Scheduled(every = "${severity.webhooks.poll-interval}", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            runDue();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not send the webhooks' deliveries now (%s); the next look tries again", e.getClass().getSimpleName());
        }
    }

    /** Fans out what is new, then sends every delivery due now, batch after batch; answers how many attempts were made. */
    public synchronized int runDue() throws SQLException {
        fanOut();
        int attempts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<WebhookStore.Claimed> claimed = store.claim(clock.instant(), config.claimBatch(), config.lease());
            if (claimed.isEmpty()) {
                break;
            }
            List<Future<?>> sent = new ArrayList<>(claimed.size());
            for (WebhookStore.Claimed d : claimed) {
                sent.add(senders.submit(() -> {
                    attempt(d);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                    attempts++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempts;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warnf("A delivery's attempt could not be recorded (%s); it is claimed again after its lease",
                            e.getCause().getClass().getSimpleName());
                }
            }
        }
        return attempts;
    }

    /** Fans the outbox out to every subscription that is behind it (those another replica holds are its work). */
    public int fanOut() throws SQLException {
        int moved = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int n = store.fanOut(clock.instant(), FAN_OUT_SUBSCRIPTIONS, FAN_OUT_EVENTS);
            moved += n;
            if (n == 0) {
                break;
            }
        }
        return moved;
    }

    private void attempt(WebhookStore.Claimed d) throws SQLException {
        int n = d.attempts() + 1;
        Attempt a = sender.send(d, n);
        Instant now = clock.instant();
        if (a.succeeded()) {
            store.attempted(d.id(), a, DeliveryState.DELIVERED, n, now);
            return;
        }
        boolean last = n >= config.maxAttempts();
        store.attempted(d.id(), a, last ? DeliveryState.FAILED : DeliveryState.PENDING, n, last ? now : now.plus(backoff(n)));
        LOG.debugf("Delivery %s, attempt %d: %s", d.id(), n, a.status() != null ? "HTTP " + a.status() : a.error());
    }

    /** The wait after the {@code failed}-th failed attempt: first-retry, doubled each time, at most max-retry. */
    Duration backoff(int failed) {
        Duration wait = config.firstRetry();
        for (int i = 1; i < failed && wait.compareTo(config.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : wait;
    }
}
