package com.incidents.severity.policy.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.model.ReloadAttempt;
import com.incidents.severity.policy.model.ReloadTrigger;

/** One reload attempt as it happens: its outcome as a {@link ReloadAttempt}, and its log line. */
final class Reload {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final Instant at;
    private final ReloadTrigger trigger;
    private final String origin;
    private ReloadAttempt attempt;
    private boolean built;
    private String cacheStatus;
    private String phases;

    Reload(Instant at, ReloadTrigger trigger, String origin) {
        this.at = at;
        this.trigger = trigger;
        this.origin = origin;
    }

    void unchanged(PolicyFiles files) {
        attempt = new ReloadAttempt(at, trigger, files.origin(), files.version(), true, false, files.version(), 0, 0,
                0, List.of(), List.of(), null);
    }

    void checked(PolicyCheck check, PolicyEngine inForce) {
        built = true;
        cacheStatus = check.accepted() ? check.engine().cacheStatus() : null;
        phases = check.phases();
        List<PolicyDiagnostic> warnings = check.warnings();
        attempt = new ReloadAttempt(at, trigger, check.files().origin(), check.files().version(), check.accepted(),
                check.accepted(), version(inForce), check.durationMs(), check.scenarios().size(),
                check.scenariosFailed(), check.blocking(), warnings, null);
    }

    /** The folder (or the packaged copy) could not be read: an I/O failure, reported as one. */
    void unreadable(IOException e, PolicyEngine inForce) {
        failed(inForce, "The policy files cannot be read: " + describe(e), null);
    }

    /** A bug, not a problem of the files: its stack trace is logged under {@code errorId}. */
    void failedUnexpectedly(String errorId, PolicyEngine inForce) {
        failed(inForce, "The reload failed on an internal error (error id " + errorId
                + "); its cause is logged and the policy in force is kept", errorId);
    }

    private void failed(PolicyEngine inForce, String message, String errorId) {
        attempt = new ReloadAttempt(at, trigger, origin, null, false, false, version(inForce), 0, 0, 0,
                List.of(PolicyDiagnostic.error(null, null, message)), List.of(), errorId);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "access denied: " + e.getMessage();
        }
        return e.getMessage();
    }

    ReloadAttempt attempt() {
        return attempt;
    }

    /** Whether the candidate was built and validated (not when unchanged or unreadable). */
    boolean built() {
        return built;
    }

    void log() {
        ReloadAttempt a = attempt;
        if (!a.accepted()) {
            LOG.errorf("Policy %s from %s refused (%s); %s:%n  %s", a.candidateVersion(), a.origin(), trigger,
                    a.versionInForce() == null ? "no policy in force" : "keeping " + a.versionInForce(),
                    a.diagnostics().stream().map(PolicyDiagnostic::toString).collect(Collectors.joining("\n  ")));
        } else if (a.changed()) {
            LOG.infof("Policy %s in force from %s (%s; built and validated in %d ms: %s; %d scenarios passed; "
                    + "%d warnings; outcome cache %s)", a.versionInForce(), a.origin(), trigger, a.durationMs(), phases,
                    a.scenarios(), a.warnings().size(), cacheStatus);
        } else {
            LOG.debugf("Policy files unchanged; %s stays in force (%s)", a.versionInForce(), trigger);
        }
    }

    private static String version(PolicyEngine engine) {
        return engine == null ? null : engine.version();
    }
}
