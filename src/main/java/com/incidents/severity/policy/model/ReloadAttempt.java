package com.incidents.severity.policy.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * One attempt to (re)load the policy and its outcome.
 *
 * @param at when the attempt started
 * @param trigger what asked for it
 * @param origin the folder (or {@code classpath:...}) it read
 * @param candidateVersion the version of the files read (null if they could not be read)
 * @param accepted whether the candidate passed every check (an unchanged candidate is accepted)
 * @param changed whether a new version was put in force (false when the files were unchanged or refused)
 * @param versionInForce the version serving after the attempt (null if none ever loaded)
 * @param durationMs build, validation and scenarios, in milliseconds (0 when the files were unchanged)
 * @param scenarios scenario rows run
 * @param scenariosFailed scenario rows that failed
 * @param diagnostics what refused the candidate (empty when accepted)
 * @param warnings findings that did not block it (validator and build warnings)
 * @param errorId set when the attempt failed on an unexpected error (a bug), not on the files: the
 *        id its stack trace is logged under
 */
public record ReloadAttempt(Instant at, ReloadTrigger trigger, String origin, String candidateVersion,
        boolean accepted, boolean changed, String versionInForce, long durationMs, int scenarios,
        long scenariosFailed, List<PolicyDiagnostic> diagnostics, List<PolicyDiagnostic> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String errorId) {
}
