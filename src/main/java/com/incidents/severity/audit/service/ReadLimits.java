package com.incidents.severity.audit.service;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.TooManyReadsException;

/**
 * How many exports and chain verifications run at once ({@code severity.audit.reads.*}); one more
 * is refused at once with a 429 rather than queued behind the others.
 */
@ApplicationScoped
public class ReadLimits {

    /** Held while a read runs; closing it lets the next one in. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore exports;
    private final Semaphore verifies;
    private final int maxExports;
    private final int maxVerifies;

    @Inject
    public ReadLimits(AuditConfig config) {
        maxExports = config.reads().maxExports();
        maxVerifies = config.reads().maxVerifies();
        exports = new Semaphore(maxExports);
        verifies = new Semaphore(maxVerifies);
    }

    public Permit export() {
        return take(exports, "exports", maxExports);
    }

    public Permit verify() {
        return take(verifies, "verifications", maxVerifies);
    }

    private static Permit take(Semaphore permits, String what, int limit) {
        if (!permits.tryAcquire()) {
            throw new TooManyReadsException(what, limit);
        }
        return permits::release;
    }
}
