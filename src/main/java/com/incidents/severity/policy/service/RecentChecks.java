package com.incidents.severity.policy.service;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The last few candidate checks, by version (the hash of the files' exact bytes): the same bytes
 * checked with the same settings by the same loader give the same result, so the editor's live
 * check, a draft's page, the review page and a publish of one draft build it once. Few and short-lived,
 * since each holds a built engine.
 */
final class RecentChecks {

    private final Cache<String, PolicyCheck> checks = Caffeine.newBuilder().maximumSize(3)
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    /** The check of {@code files}, made by {@code check} unless these bytes were checked moments ago. */
    PolicyCheck check(PolicyFiles files, Supplier<PolicyCheck> check) {
        PolicyCheck c = checks.get(files.version(), v -> check.get());
        return c.files() == files ? c : new PolicyCheck(files, c.engine(), c.built(), c.build(), c.validation(),
                c.scenarios(), c.blocking(), c.durationMs(), c.phases(), c.tables());
    }
}
