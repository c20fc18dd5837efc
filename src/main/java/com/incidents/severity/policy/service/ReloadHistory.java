package com.incidents.severity.policy.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.incidents.severity.policy.model.PolicyVersion;
import com.incidents.severity.policy.model.ReloadAttempt;

/**
 * In memory: the last reload attempt, and the versions that have been in force (the most recent
 * {@value #MAX_VERSIONS}, oldest first).
 */
final class ReloadHistory {

    static final int MAX_VERSIONS = 500;

    private final Deque<PolicyVersion> versions = new ArrayDeque<>();
    private ReloadAttempt lastAttempt;

    synchronized void attempted(ReloadAttempt attempt) {
        lastAttempt = attempt;
    }

    /** Retires the version in force (if any) and records the new one. */
    synchronized void inForce(PolicyVersion version) {
        PolicyVersion previous = versions.pollLast();
        if (previous != null) {
            versions.addLast(previous.retired(version.loadedAt()));
        }
        versions.addLast(version);
        while (versions.size() > MAX_VERSIONS) {
            versions.removeFirst();
        }
    }

    synchronized Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** The latest record of a version (a version can come back: A, B, then A again). */
    synchronized Optional<PolicyVersion> latest(String version) {
        Iterator<PolicyVersion> newestFirst = versions.descendingIterator();
        while (newestFirst.hasNext()) {
            PolicyVersion v = newestFirst.next();
            if (v.version().equals(version)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    synchronized List<PolicyVersion> versions() {
        return List.copyOf(versions);
    }
}
