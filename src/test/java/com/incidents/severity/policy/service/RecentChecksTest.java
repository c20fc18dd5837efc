package com.incidents.severity.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.PolicyFiles;

/** A check is reused for the same bytes only, and always answers with the caller's files. */
class RecentChecksTest {

    private static PolicyFiles files(String origin, String dmn) {
        return PolicyFiles.of(origin, Map.of("a.dmn", dmn.getBytes(StandardCharsets.UTF_8)));
    }

    private static PolicyCheck check(PolicyFiles files) {
        return new PolicyCheck(files, null, true, List.of(), List.of(), List.of(), List.of(), 5, "test");
    }

    @Test
    void theSameBytesAreCheckedOnceAndOtherBytesAgain() {
        RecentChecks recent = new RecentChecks();
        AtomicInteger checks = new AtomicInteger();
        PolicyFiles draft = files("draft:1", "<definitions/>");
        PolicyCheck first = recent.check(draft, () -> {
            checks.incrementAndGet();
            return check(draft);
        });
        PolicyFiles sameBytes = files("editor check", "<definitions/>");
        PolicyCheck again = recent.check(sameBytes, () -> {
            checks.incrementAndGet();
            return check(sameBytes);
        });
        assertEquals(1, checks.get(), "the same bytes are not checked twice");
        assertSame(draft, first.files());
        assertSame(sameBytes, again.files(), "answered with the caller's files (their origin), not the first caller's");
        PolicyFiles other = files("draft:1", "<definitions name='x'/>");
        recent.check(other, () -> {
            checks.incrementAndGet();
            return check(other);
        });
        assertEquals(2, checks.get(), "one byte changed is a new check");
    }
}
