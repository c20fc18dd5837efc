package com.incidents.severity.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.policy.model.ReloadAttempt;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.problem.LogCapture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * A reload reports its true cause: an unreadable folder as such, a bug as an internal error with a
 * logged id, checks past severity.reload.time-limit as refused naming it.
 */
class ReloadFailureTest {

    @ExpectedErrors("a missing folder is refused")

    @Test
    void aMissingFolderIsReportedAsUnreadableFiles() {
        ReloadAttempt attempt = service(Path.of("target/no-such-rules-folder"), false).reload(ReloadTrigger.API);

        assertFalse(attempt.accepted());
        assertNull(attempt.errorId());
        String message = attempt.diagnostics().get(0).message();
        assertTrue(message.startsWith("The policy files cannot be read: Rules folder not found"), message);
    }

    @ExpectedErrors("a bug is provoked on purpose")

    @Test
    void aBugIsAnInternalErrorWithAnIdItsStackTraceIsLoggedUnder() {
        try (LogCapture logs = LogCapture.open()) {
            ReloadAttempt attempt = service(Path.of("rules"), true).reload(ReloadTrigger.API);

            assertFalse(attempt.accepted());
            assertNotNull(attempt.errorId());
            String message = attempt.diagnostics().get(0).message();
            assertTrue(message.contains("internal error (error id " + attempt.errorId() + ")"), message);
            assertFalse(message.contains("cannot be read"), message);
            // the stack trace once under the id (the refused attempt's own log line names the id too)
            var logged = logs.errorsContaining(attempt.errorId()).stream().filter(r -> r.getThrown() != null).toList();
            assertEquals(1, logged.size());
            assertEquals("a bug", logged.get(0).getThrown().getMessage());
        }
    }

    @ExpectedErrors("a reload past its time limit is refused")

    @Test
    void aReloadPastItsTimeLimitIsRefusedNamingTheLimit() {
        // rules/ is a valid policy: only the limit can refuse it
        ReloadAttempt attempt = service(Path.of("rules"), false, Duration.ofMillis(1)).reload(ReloadTrigger.API);

        assertFalse(attempt.accepted());
        String message = attempt.diagnostics().get(0).message();
        assertTrue(message.contains("did not finish within") && message.contains("severity.reload.time-limit"), message);
    }

    private static PolicyService service(Path dir, boolean bug) {
        return service(dir, bug, Duration.ofSeconds(120));
    }

    /** A service reading {@code dir}; with {@code bug}, reading its cache settings throws as a bug would. */
    private static PolicyService service(Path dir, boolean bug, Duration timeLimit) {
        PolicyService service = new PolicyService();
        service.metrics = new ReloadMetrics(new SimpleMeterRegistry());
        service.config = new PolicyConfig() {
            @Override
            public Rules rules() {
                return () -> Optional.of(dir);
            }

            @Override
            public Cache cache() {
                if (bug) {
                    throw new IllegalStateException("a bug");
                }
                return () -> 0;
            }

            @Override
            public Reload reload() {
                return new Reload() {
                    @Override
                    public boolean watch() {
                        return false;
                    }

                    @Override
                    public Duration settle() {
                        return Duration.ZERO;
                    }

                    @Override
                    public Duration restartAfter() {
                        return Duration.ofHours(1);
                    }

                    @Override
                    public boolean blockOnWarnings() {
                        return false;
                    }

                    @Override
                    public Duration timeLimit() {
                        return timeLimit;
                    }
                };
            }

            @Override
            public Publish publish() {
                throw new UnsupportedOperationException("these tests publish nothing");
            }

            @Override
            public Evaluation evaluation() {
                return new Evaluation() {
                    @Override
                    public int maxValueLength() {
                        return com.incidents.severity.engine.EvaluationBounds.DEFAULT.maxValueLength();
                    }

                    @Override
                    public long maxAllocatedBytes() {
                        return com.incidents.severity.engine.EvaluationBounds.DEFAULT.maxAllocatedBytes();
                    }
                };
            }
        };
        return service;
    }
}
