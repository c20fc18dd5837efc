package com.incidents.severity.policy.service;

import java.time.Instant;
import java.util.Optional;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.model.ReloadTrigger;

/**
 * The version in force for every replica sharing one database (README, "Several replicas"). A
 * replica claims a version when it puts one in force by an act of its own (a publish, a rollback, a
 * reload that changes the version, a start on files the replicas have not shared), and follows the
 * version another replica claimed. A claim is a compare-and-set: two replicas publishing on one base
 * cannot both win.
 */
public interface SharedPolicy {

    /** What a claim came to. */
    enum Claim {
        /** Now the version in force for every replica. */
        CLAIMED,
        /** This very version is the shared one already (another replica claimed it): this one follows. */
        ALREADY_SHARED,
        /** The shared version is no longer the one the claim was made on. */
        STALE
    }

    /** The latest claim: the shared version in force; empty before the first. */
    Optional<Shared> inForce();

    /** The stored files of a shared version. */
    Optional<PolicyFiles> files(String version);

    /**
     * Whether the shared version was published (or rolled back to) on top of {@code version}, directly
     * or through later publishes: a replica starting on {@code version} is behind, not news.
     */
    boolean supersedes(String version);

    /**
     * Makes {@code files} the version in force for every replica if the shared one is {@code expected}
     * (whatever it is, when {@code expected} is null), storing the files for the others to load.
     */
    Claim claim(String expected, PolicyFiles files, ReloadTrigger trigger);

    /** One claim: {@code seq} counts claims; {@code base} is the shared version it replaced. */
    record Shared(long seq, String version, String base, ReloadTrigger trigger, Instant at) {
    }
}
