package com.incidents.severity.policy.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.model.ReloadTrigger;

/**
 * This replica's use of the {@link SharedPolicy} (README, "Source of truth"): which files to start
 * on, and claims that never stop a start or a folder reload when the database cannot be written (a
 * publish, by contrast, is refused then). Without a shared store every version is this replica's own.
 */
@ApplicationScoped
public class SharedPolicies {

    /** The origin of files read from the shared database. */
    public static final String ORIGIN = "database:";

    private static final Logger LOG = Logger.getLogger(SharedPolicies.class);

    @Inject
    Instance<SharedPolicy> store;

    /**
     * The shared version instead of the configured files, where it was published on top of them:
     * a replica starting on an older copy of the folder (or package) serves what the others serve.
     * Files the replicas have not shared are news, and are started on (and claimed).
     */
    Optional<PolicyFiles> startingFiles(PolicyFiles local) {
        if (!store.isResolvable()) {
            return Optional.empty();
        }
        try {
            Optional<SharedPolicy.Shared> shared = store.get().inForce();
            if (shared.isEmpty() || shared.get().version().equals(local.version())
                    || !store.get().supersedes(local.version())) {
                return Optional.empty();
            }
            Optional<PolicyFiles> files = store.get().files(shared.get().version());
            files.ifPresent(f -> LOG.infof("Starting on %s, put in force by %s at %s on top of the %s files of %s",
                    f.version(), shared.get().trigger(), shared.get().at(), local.version(), local.origin()));
            return files;
        } catch (RuntimeException e) {
            LOG.warnf(e, "The shared policy version could not be read; starting on the files of %s", local.origin());
            return Optional.empty();
        }
    }

    /** A claim; where it fails, a publish ({@code expected} set) fails with it, any other load goes on. */
    SharedPolicy.Claim claim(String expected, PolicyFiles files, ReloadTrigger trigger) {
        if (!store.isResolvable()) {
            return SharedPolicy.Claim.CLAIMED;
        }
        try {
            return store.get().claim(expected, files, trigger);
        } catch (RuntimeException e) {
            if (expected != null) {
                throw e;
            }
            LOG.warnf(e, "Version %s (%s) is in force on this replica only: the shared database could not be written",
                    files.version(), trigger);
            return SharedPolicy.Claim.CLAIMED;
        }
    }

    /** The shared version in force, where it can be read. */
    Optional<String> versionInForce() {
        try {
            return store.isResolvable() ? store.get().inForce().map(SharedPolicy.Shared::version) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
