package com.incidents.severity.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.incident.service.IncidentEvents;
import com.incidents.severity.support.EmbeddedPostgresResource;
import com.incidents.severity.webhook.model.Attempt;
import com.incidents.severity.webhook.model.DeliveryState;
import com.incidents.severity.webhook.model.Subscription;
import com.incidents.severity.webhook.store.WebhookStore;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The webhooks' fan-out and claims on a real PostgreSQL server, as replicas run them: two at once.
 * Each event becomes a delivery of a subscription once, a delivery is handed to one claimer only,
 * and an incident's deliveries are claimable one after the other, in order.
 */
@QuarkusTest
@TestProfile(PostgresWebhooksTest.Postgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresWebhooksTest {

    public static class Postgres implements QuarkusTestProfile {
    }

    @Inject
    WebhookStore store;

    @Inject
    AuditDatabase database;

    @Inject
    Clock clock;

    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void endTheSubscriptions() throws Exception {
        for (String id : subscriptions) {
            store.deactivate(id);
        }
    }

    private String subscribe(List<String> events) throws Exception {
        Subscription s = new Subscription(WebhookStore.newId(), "client", "http://127.0.0.1:9/hook", events, clock.instant());
        store.create(s, "postgres-test-secret");
        subscriptions.add(s.id());
        return s.id();
    }

    private static String open() {
        String key = "PGWH-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                + Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .put("/api/v1/incidents/" + key).then().statusCode(201);
        return key;
    }

    private long count(String sql, String arg) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static <T> List<T> together(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsOnPostgresql() {
        assertTrue(database.isPostgres());
    }

    /** Two fan-outs at once, again and again while events come in: each matching event is one delivery per subscription. */
    @Test
    void concurrentFanOutsCreateEachDeliveryOnce() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(subscribe(i % 2 == 0 ? IncidentEvents.TYPES : List.of(IncidentEvents.SEVERITY_CHANGED)));
        }
        List<String> keys = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            keys.add(open());
            keys.add(open());
            List<Integer> moved = together(2, () -> {
                int n = 0;
                for (int k; (k = store.fanOut(clock.instant(), 2, 3)) > 0;) { // small batches: many transactions interleave
                    n += k;
                }
                return n;
            });
            assertTrue(moved.stream().mapToInt(Integer::intValue).sum() > 0);
        }
        String in = String.join("','", keys);
        long events = count("SELECT COUNT(*) FROM incident_event WHERE event_type <> ? AND incident_key IN ('" + in + "')", "none");
        long severity = count("SELECT COUNT(*) FROM incident_event WHERE event_type = ? AND incident_key IN ('" + in + "')",
                IncidentEvents.SEVERITY_CHANGED);
        assertTrue(events > severity && severity == keys.size(), events + " " + severity);
        for (int i = 0; i < all.size(); i++) {
            long deliveries = count("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ?", all.get(i));
            long distinct = count("SELECT COUNT(DISTINCT event_seq) FROM webhook_delivery WHERE subscription_id = ?", all.get(i));
            assertEquals(i % 2 == 0 ? events : severity, deliveries, "subscription " + i);
            assertEquals(deliveries, distinct);
        }
    }

    /** Two claimers at once never get the same delivery, and between them they get every due one. */
    @Test
    void concurrentClaimsNeverHandOutTheSameDeliveryTwice() throws Exception {
        String id = subscribe(List.of(IncidentEvents.SEVERITY_CHANGED));
        for (int i = 0; i < 24; i++) {
            open(); // 24 incidents, one delivery each: all claimable at once
        }
        while (store.fanOut(clock.instant(), 100, 500) > 0) {
        }
        assertEquals(24, count("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ?", id));
        List<List<String>> claimed = together(2, () -> {
            List<String> mine = new ArrayList<>();
            for (List<WebhookStore.Claimed> batch; !(batch = store.claim(clock.instant(), 3, Duration.ofMinutes(5))).isEmpty();) {
                batch.forEach(d -> mine.add(d.id()));
                Thread.sleep(5); // hold them a little, as a sender would
            }
            return mine;
        });
        Set<String> first = new HashSet<>(claimed.get(0));
        Set<String> second = new HashSet<>(claimed.get(1));
        assertEquals(claimed.get(0).size(), first.size());
        assertEquals(claimed.get(1).size(), second.size());
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        assertEquals(Set.of(), both, "no delivery was handed to both claimers");
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        assertEquals(24, union.stream().filter(d -> {
            try {
                return store.subscriptionOf(d).orElseThrow().equals(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count());
        assertTrue(store.claim(clock.instant(), 100, Duration.ofMinutes(5)).stream().noneMatch(d -> d.subscriptionId().equals(id)),
                "leased: claimed by no one else until the lease ends");
    }

    /** An incident's deliveries are claimable one at a time, lowest event first; a FAILED one holds the next back no more. */
    @Test
    void anIncidentsDeliveriesAreClaimedInOrder() throws Exception {
        String id = subscribe(IncidentEvents.TYPES);
        String key = open(); // severity.changed, escalation.changed
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"capabilityTier\":\"C3\"}")
                .patch("/api/v1/incidents/" + key).then().statusCode(200);
        while (store.fanOut(clock.instant(), 100, 500) > 0) {
        }
        List<Long> seqs = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_seq FROM webhook_delivery WHERE subscription_id = ? ORDER BY event_seq")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        assertTrue(seqs.size() >= 3, seqs.toString());
        for (int step = 0; step < seqs.size(); step++) {
            List<List<WebhookStore.Claimed>> claimed = together(2, () -> store.claim(clock.instant(), 10, Duration.ofMinutes(5))
                    .stream().filter(d -> d.subscriptionId().equals(id)).toList());
            List<WebhookStore.Claimed> got = new ArrayList<>(claimed.get(0));
            got.addAll(claimed.get(1));
            assertEquals(1, got.size(), "one delivery of the incident at a time: " + got);
            assertEquals(seqs.get(step), got.get(0).eventSeq(), "the earliest one still pending");
            Instant now = clock.instant();
            // the first is given up on (FAILED), the rest delivered: neither holds the next back
            store.attempted(got.get(0).id(), new Attempt(1, now, step == 0 ? 500 : 200, null, 1),
                    step == 0 ? DeliveryState.FAILED : DeliveryState.DELIVERED, 1, now);
        }
        assertEquals(List.of(), store.claim(clock.instant(), 10, Duration.ofMinutes(5)).stream()
                .filter(d -> d.subscriptionId().equals(id)).toList());
    }
}
