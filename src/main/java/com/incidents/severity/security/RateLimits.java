package com.incidents.severity.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code requests} per
 * {@code period} (severity.security.rate-limit.*). Buckets of clients gone quiet are dropped.
 */
@ApplicationScoped
public class RateLimits {

    private static final int MAX_CLIENTS = 100_000;

    @Inject
    SecurityConfig config;

    private volatile Cache<String, Bucket> buckets;

    /** Empty when {@code client} may go on; else how long it should wait before trying again. */
    public Duration waitFor(String client) {
        SecurityConfig.RateLimit limit = config.rateLimit();
        if (!limit.enabled()) {
            return Duration.ZERO;
        }
        ConsumptionProbe probe = buckets().get(client, key -> bucket(limit)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Cache<String, Bucket> buckets() {
        Cache<String, Bucket> found = buckets;
        if (found == null) {
            synchronized (this) {
                if (buckets == null) {
                    // A bucket untouched for long enough to be full again holds nothing worth keeping.
                    Duration refill = config.rateLimit().period().multipliedBy(
                            Math.max(1, config.rateLimit().burst() / Math.max(1, config.rateLimit().requests()) + 1));
                    buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(refill).build();
                }
                found = buckets;
            }
        }
        return found;
    }

    private static Bucket bucket(SecurityConfig.RateLimit limit) {
        return Bucket.builder()
                .addLimit(b -> b.capacity(limit.burst()).refillGreedy(limit.requests(), limit.period()))
                .build();
    }
}
