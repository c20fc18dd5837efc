package com.incidents.severity.preview.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.store.RecordQueries;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.rest.PolicyRefusedProblem;
import com.incidents.severity.policy.service.PolicyCheck;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TimeLimit;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.preview.PreviewConfig;
import com.incidents.severity.preview.model.PreviewReport;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.request.RequestParser;

/**
 * Builds and checks a candidate policy exactly as a reload would, then replays the most recent
 * recorded decisions under the policy in force and under the candidate, each as of the instant it
 * was decided, and compares the two: what the candidate would change if it went live now. (The
 * recorded outcomes may come from earlier versions; they are shown beside, never compared.)
 * Nothing goes live.
 */
@ApplicationScoped
public class PreviewService {

    @Inject
    PolicyService policies;

    @Inject
    PreviewConfig config;

    @Inject
    RecordQueries records;

    @Inject
    ObjectMapper json;

    /** Candidate checks and replays, one at a time, each within the configured time limit. */
    private final TimeLimit limit = new TimeLimit("policy-preview");

    @PreDestroy
    void stop() {
        limit.shutdown();
    }

    /**
     * {@code parts} replace files of the policy in force, and must each name one of them; with
     * {@code replace} they are the whole candidate. The check and the replay run on a thread of
     * their own, within {@code severity.preview.time-limit}; past it the candidate is refused and
     * the work given up.
     */
    public PreviewReport preview(List<CandidatePart> parts, boolean replace) throws Exception {
        PolicyEngine current = policies.current();
        Map<String, byte[]> inForce = current.policy().files().files();
        Map<String, byte[]> uploaded = CandidateParts.check(parts, replace ? null : inForce.keySet());
        Map<String, byte[]> files = new HashMap<>(replace ? Map.of() : inForce);
        files.putAll(uploaded);
        PolicyFiles candidate = PolicyFiles.of("preview", files);
        try {
            return limit.call(() -> check(current, candidate), config.timeLimit());
        } catch (TimeoutException e) {
            throw new CandidateRefusedException(PolicyRefusedProblem.candidate(current.version(), candidate.version(),
                    List.of(PolicyDiagnostic.error(null, null, "The checks of the candidate did not finish within "
                            + config.timeLimit().toSeconds() + " s (severity.preview.time-limit); it is refused")),
                    List.of()));
        }
    }

    private PreviewReport check(PolicyEngine current, PolicyFiles candidate) throws Exception {
        PolicyCheck check = policies.checkCandidate(candidate);
        if (!check.accepted()) {
            throw new CandidateRefusedException(PolicyRefusedProblem.candidate(current.version(),
                    check.files().version(), check.blocking(), check.warnings()));
        }
        return replay(current, check);
    }

    /**
     * The replay impact of candidate files already checked and accepted ({@code check}): the most
     * recent recorded decisions under the policy in force ({@code current}) and under the candidate.
     */
    public PreviewReport replay(PolicyEngine current, PolicyCheck check) throws Exception {
        Tally tally = new Tally(config.examples());
        for (String text : records.recentDecided(config.decisions())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("The preview was given up: its time limit passed");
            }
            tally.add(json.readTree(text), current, check.engine());
        }
        return new PreviewReport(check.engine().version(), current.version(), check.warnings(), tally.replayed,
                tally.unchanged, tally.changed, tally.refusedByCandidate, tally.acceptedByCandidate,
                tally.recordedDiffer, tally.transitions(), tally.examples);
    }

    /** How one policy answers a recorded request: decided (severity, basis) or refused (why). */
    private record Answer(String severity, String basis, String refused) {

        static Answer of(PolicyEngine engine, JsonNode record) {
            try {
                var request = RequestParser.parse(record.get("request"), engine.policy(),
                        Instant.parse(record.get("decidedAt").asText()));
                Decision d = DecisionService.decide(engine, request);
                return new Answer(d.severity(), d.basis(), null);
            } catch (InvalidRequestException e) {
                return new Answer(null, null, "refuses the request: " + (e.problem().errors().isEmpty()
                        ? e.problem().detail()
                        : String.join("; ", e.problem().errors().stream().map(f -> f.message()).toList())));
            } catch (EvaluationException e) {
                return new Answer(null, null, "fails on the request: " + e.getMessage());
            }
        }

        boolean decided() {
            return refused == null;
        }

        boolean sameAs(Answer other) {
            return decided() == other.decided() && Objects.equals(severity, other.severity)
                    && Objects.equals(basis, other.basis);
        }
    }

    /** Counts how recorded decisions come out under the policy in force and under the candidate. */
    private static final class Tally {
        final int maxExamples;
        int replayed;
        int unchanged;
        int changed;
        int refusedByCandidate;
        int acceptedByCandidate;
        int recordedDiffer;
        final Map<String, Integer> moves = new LinkedHashMap<>();
        final List<PreviewReport.Example> examples = new ArrayList<>();

        Tally(int maxExamples) {
            this.maxExamples = maxExamples;
        }

        void add(JsonNode record, PolicyEngine current, PolicyEngine candidate) {
            replayed++;
            Answer recorded = new Answer(text(record.path("result"), "severity"), text(record.path("result"), "basis"),
                    null);
            Answer inForce = Answer.of(current, record);
            Answer proposed = Answer.of(candidate, record);
            boolean recordedDiffers = !recorded.sameAs(inForce);
            if (recordedDiffers) {
                recordedDiffer++;
            }
            if (inForce.sameAs(proposed)) {
                unchanged++;
                return;
            }
            String note = null;
            if (inForce.decided() && proposed.decided()) {
                changed++;
                moves.merge(none(inForce.severity()) + "->" + none(proposed.severity()), 1, Integer::sum);
            } else if (inForce.decided()) {
                refusedByCandidate++;
                note = "The candidate " + proposed.refused();
            } else if (proposed.decided()) {
                acceptedByCandidate++;
                note = "The policy in force " + inForce.refused();
            } else { // refused by both, for different reasons: nothing a caller would see change
                unchanged++;
                return;
            }
            if (examples.size() < maxExamples) {
                examples.add(new PreviewReport.Example(record.get("decisionId").asText(),
                        text(record, "decidedAt"), inForce.severity(), inForce.basis(), proposed.severity(),
                        proposed.basis(), recordedDiffers ? recorded.severity() : null,
                        recordedDiffers ? recorded.basis() : null,
                        recordedDiffers ? text(record, "policyVersion") : null, note));
            }
        }

        List<PreviewReport.Transition> transitions() {
            List<PreviewReport.Transition> list = new ArrayList<>();
            moves.forEach((key, count) -> {
                String[] fromTo = key.split("->");
                list.add(new PreviewReport.Transition(fromTo[0], fromTo[1], count));
            });
            return list;
        }

        private static String none(String severity) {
            return severity == null ? "NONE" : severity;
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }
}
