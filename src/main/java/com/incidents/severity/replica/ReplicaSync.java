package com.incidents.severity.replica;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.SharedPolicy;

import io.quarkus.runtime.StartupEvent;

/**
 * Follows the version in force that another replica claimed: every poll interval, the latest claim
 * is read (one row by its key), and a version other than this replica's is loaded from the database
 * and put in force after a reload's checks. A version this replica refuses is tried again later.
 */
@ApplicationScoped
public class ReplicaSync {

    private static final Logger LOG = Logger.getLogger(ReplicaSync.class);

    @Inject
    ReplicasConfig config;

    @Inject
    SharedPolicy shared;

    @Inject
    PolicyService policies;

    private ScheduledExecutorService polls;
    private String refused;
    private Instant refusedAt;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        if (config.pollInterval().isZero()) {
            return;
        }
        polls = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "policy-replica-sync");
            t.setDaemon(true);
            return t;
        });
        long every = config.pollInterval().toMillis();
        polls.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void poll() {
        try {
            Optional<SharedPolicy.Shared> latest = shared.inForce();
            if (latest.isEmpty() || !policies.loaded() || latest.get().version().equals(policies.current().version())) {
                return;
            }
            String version = latest.get().version();
            if (version.equals(refused) && refusedAt.plus(config.retryRefusedAfter()).isAfter(Instant.now())) {
                return;
            }
            Optional<PolicyFiles> files = shared.files(version);
            if (files.isEmpty()) {
                LOG.errorf("The shared version %s has no stored files; keeping %s", version, policies.current().version());
                return;
            }
            if (!policies.follow(files.get()).accepted()) {
                refused = version;
                refusedAt = Instant.now();
            }
        } catch (RuntimeException e) { // a database that does not answer now may answer at the next poll
            LOG.warnf("The shared policy version could not be read: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (polls != null) {
            polls.shutdownNow();
        }
    }
}
