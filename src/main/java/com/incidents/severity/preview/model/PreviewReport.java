package com.incidents.severity.preview.model;

import java.util.List;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * What a candidate policy would do: its version, its warnings, and how the most recent recorded
 * decisions would come out under it compared with how they were decided.
 */
public record PreviewReport(String candidateVersion, String currentVersion, List<PolicyDiagnostic> warnings,
        int replayed, int changed, int unchanged, int refusedByCandidate, List<Transition> bySeverity,
        List<Example> examples) {

    /** How many decisions went from one severity to another ("NONE" for none). */
    public record Transition(String from, String to, int count) {
    }

    /** One decision that would change. */
    public record Example(String decisionId, String recordedSeverity, String recordedBasis, String candidateSeverity,
            String candidateBasis, String note) {
    }
}
