package com.incidents.severity.preview.model;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * What a candidate policy would change: its version, its warnings (as a reload reports them), and
 * how the most recent recorded decisions come out under the candidate compared with the policy in
 * force, each replayed as of the instant it was decided. The outcome recorded at the time is shown
 * only where it differs from the policy in force (it was decided by an earlier version).
 *
 * @param replayed recorded decisions replayed; {@code unchanged + changed + refusedByCandidate +
 *            acceptedByCandidate}
 * @param unchanged same severity and basis under both policies (or refused by both)
 * @param changed decided by both, with another severity or basis under the candidate
 * @param refusedByCandidate decided by the policy in force, refused (or failed) by the candidate
 * @param acceptedByCandidate refused (or failed) by the policy in force, decided by the candidate
 * @param recordedDiffer replayed decisions whose recorded outcome differs from the policy in force's
 * @param bySeverity the severity moves of {@code changed}, from the policy in force to the candidate
 */
public record PreviewReport(String candidateVersion, String currentVersion, List<PolicyDiagnostic> warnings,
        int replayed, int unchanged, int changed, int refusedByCandidate, int acceptedByCandidate, int recordedDiffer,
        List<Transition> bySeverity, List<Example> examples) {

    /** How many decisions went from one severity to another ("NONE" for none). */
    public record Transition(String from, String to, int count) {
    }

    /**
     * One decision the candidate would change. {@code inForce*} and {@code candidate*} are null
     * where that policy refuses the request ({@code note} says why); {@code recorded*} are null
     * unless the recorded outcome differs from the policy in force's.
     */
    public record Example(String decisionId, String decidedAt, String inForceSeverity, String inForceBasis,
            String candidateSeverity, String candidateBasis, String recordedSeverity, String recordedBasis,
            String recordedPolicyVersion, String note) {
    }
}
