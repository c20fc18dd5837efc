package com.incidents.severity.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhooks: who may be called, how long a call may take, how deliveries are retried (see README, "Webhooks"). */
@ConfigMapping(prefix = "severity.webhooks")
public interface WebhooksConfig {

    /**
     * The hosts a subscription's URL may name: a host name (exact, in any letter case), a literal
     * IP address, or {@code *.domain} for any name under that domain. Unset (the default in
     * production): no host is allowed, so nothing is ever called. A private, loopback, link-local,
     * multicast or unique-local address is connected to only when that literal address is listed.
     */
    Optional<List<String>> allowedHosts();

    /** Longest wait for a subscriber's TCP (and TLS) connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest wait for each read of the answer; the whole answer's head must come within connect + read timeout. */
    @WithDefault("5s")
    Duration readTimeout();

    /** How often each replica fans new events out to the subscriptions and sends what is due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The wait after the first failed attempt; each later wait is twice the one before. */
    @WithDefault("10s")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxRetry();

    /** A delivery whose attempts all failed, this many, is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** A claimed delivery not recorded as attempted within this long is claimed again (by any replica). */
    @WithDefault("30s")
    Duration lease();

    /** At most this many deliveries are claimed per look. */
    @WithDefault("50")
    int claimBatch();

    /** Deliveries sent at once by one replica. */
    @WithDefault("4")
    int senders();
}
