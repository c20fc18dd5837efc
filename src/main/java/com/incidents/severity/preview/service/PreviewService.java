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
import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TimeLimit;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.preview.PreviewConfig;
import com.incidents.severity.preview.model.PreviewReport;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * Builds and checks a candidate policy exactly as a reload would, then replays the most recent
 * recorded decisions under it. Nothing goes live.
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
     * {@code uploaded} replaces files of the policy in force (or, with {@code replace}, is the whole
     * policy). The check and the replay run on a thread of their own, within
     * {@code severity.preview.time-limit}; past it the candidate is refused and the work given up.
     */
    public PreviewReport preview(Map<String, byte[]> uploaded, boolean replace) throws Exception {
        try {
            return limit.call(() -> check(uploaded, replace), config.timeLimit());
        } catch (TimeoutException e) {
            throw new CandidateRefusedException(List.of(PolicyDiagnostic.error(null, null,
                    "The checks of the candidate did not finish within " + config.timeLimit().toSeconds()
                            + " s (severity.preview.time-limit); it is refused")));
        }
    }

    private PreviewReport check(Map<String, byte[]> uploaded, boolean replace) throws Exception {
        PolicyEngine current = policies.current();
        Map<String, byte[]> files = new HashMap<>(replace ? Map.of() : current.policy().files().files());
        files.putAll(uploaded);
        PolicyEngine candidate;
        try {
            candidate = policies.checkCandidate(PolicyFiles.of("preview", files));
        } catch (PolicyBuildException e) {
            throw new CandidateRefusedException(e.diagnostics());
        }
        Tally tally = new Tally(config.examples());
        for (String text : records.recentDecided(config.decisions())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("The preview was given up: its time limit passed");
            }
            tally.add(json.readTree(text), candidate);
        }
        return new PreviewReport(candidate.version(), current.version(), candidate.policy().warnings(), tally.replayed,
                tally.changed, tally.replayed - tally.changed - tally.refused, tally.refused, tally.transitions(),
                tally.examples);
    }

    /** Counts how recorded decisions come out under the candidate. */
    private static final class Tally {
        final int maxExamples;
        int replayed;
        int changed;
        int refused;
        final Map<String, Integer> moves = new LinkedHashMap<>();
        final List<PreviewReport.Example> examples = new ArrayList<>();

        Tally(int maxExamples) {
            this.maxExamples = maxExamples;
        }

        void add(JsonNode record, PolicyEngine candidate) {
            replayed++;
            String id = record.get("decisionId").asText();
            String severity = text(record.path("result"), "severity");
            String basis = text(record.path("result"), "basis");
            try {
                var request = RequestParser.parse(record.get("request"), candidate.policy(),
                        Instant.parse(record.get("decidedAt").asText()));
                Decision d = DecisionService.decide(candidate, request);
                if (!Objects.equals(severity, d.severity()) || !Objects.equals(basis, d.basis())) {
                    changed++;
                    moves.merge(none(severity) + "->" + none(d.severity()), 1, Integer::sum);
                    example(new PreviewReport.Example(id, severity, basis, d.severity(), d.basis(), null));
                }
            } catch (InvalidRequestException | EvaluationException e) {
                refused++;
                example(new PreviewReport.Example(id, severity, basis, null, null,
                        "the candidate would refuse or fail this request: " + e.getMessage()));
            }
        }

        void example(PreviewReport.Example example) {
            if (examples.size() < maxExamples) {
                examples.add(example);
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
