package com.incidents.severity.audit.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditIntegrityException;
import com.incidents.severity.audit.model.ReplayReport;
import com.incidents.severity.audit.store.PolicyText;
import com.incidents.severity.audit.store.RecordQueries;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.decision.service.DecisionService;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.engine.Outcome;

/** Evaluates a recorded request again, under its own policy version and under the current policy. */
@ApplicationScoped
public class ReplayService {

    @Inject
    RecordQueries queries;

    @Inject
    PolicyService policies;

    @Inject
    ObjectMapper json;

    /** Past policy versions rebuilt from their stored text, a few at a time. */
    @Inject
    StoredPolicies stored;

    public ReplayReport replay(JsonNode record) throws Exception {
        JsonNode request = record.get("request");
        Instant decidedAt = Instant.parse(record.get("decidedAt").asText());
        String version = record.get("policyVersion").asText();
        JsonNode result = record.get("result");
        ReplayReport.Outcome recorded = new ReplayReport.Outcome(version, text(result, "severity"),
                text(result, "basis"), null, text(record, "error"));
        String decisionId = record.get("decisionId").asText();
        checkStoredPolicy(version, decisionId);
        PolicyEngine current = policies.current();
        PolicyEngine old = version.equals(current.version()) ? current : stored.engine(version);
        if (!version.equals(old.version())) { // the text changed after it was checked
            throw AuditIntegrityException.policyText(version, decisionId, false);
        }
        ReplayReport.Outcome then = evaluate(old, request, decidedAt);
        ReplayReport.Outcome now = evaluate(current, request, decidedAt);
        List<String> differences = new ArrayList<>();
        compare("severity", recorded.severity(), now.severity(), differences);
        compare("basis", recorded.basis(), now.basis(), differences);
        compare("error", recorded.error(), now.error(), differences);
        boolean reproducible = Objects.equals(recorded.severity(), then.severity())
                && Objects.equals(recorded.basis(), then.basis());
        return new ReplayReport(record.get("decisionId").asText(), recorded, then, now, reproducible,
                differences.isEmpty(), differences);
    }

    /**
     * The stored text of the recorded version must hash back to it, even when the version is the one
     * in force: a replay answers for the audit trail, and an edited text must not pass as the policy.
     */
    private void checkStoredPolicy(String version, String decisionId) throws Exception {
        Optional<String> files = queries.policyFiles(version);
        if (files.isEmpty() || !PolicyText.matches(json, version, files.get())) {
            throw AuditIntegrityException.policyText(version, decisionId, files.isEmpty());
        }
    }

    private static ReplayReport.Outcome evaluate(PolicyEngine engine, JsonNode request, Instant at) {
        try {
            DecisionRequest parsed = RequestParser.parse(request, engine.policy(), at);
            Decision d = DecisionService.decide(engine, parsed);
            return new ReplayReport.Outcome(engine.version(), d.severity(), d.basis(), d.firedRules(), null);
        } catch (InvalidRequestException e) {
            return new ReplayReport.Outcome(engine.version(), null, null, null,
                    "the request is not valid under this policy: " + e.problem().errors());
        } catch (RuntimeException e) {
            return new ReplayReport.Outcome(engine.version(), null, null, null, "evaluation failed: " + e.getMessage());
        }
    }

    private static void compare(String field, String before, String after, List<String> differences) {
        if (!Objects.equals(before, after)) {
            differences.add(field + ": " + before + " -> " + after);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
