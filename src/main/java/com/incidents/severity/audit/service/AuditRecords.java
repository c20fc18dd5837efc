package com.incidents.severity.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.store.ChainHash;
import com.incidents.severity.decision.engine.FiredRule;
import com.incidents.severity.decision.engine.Outcome;
import com.incidents.severity.decision.engine.PolicyEngine;
import com.incidents.severity.decision.engine.TableTrace;
import com.incidents.severity.decision.model.Decision;
import com.incidents.severity.decision.request.DecisionRequest;
import com.incidents.severity.policy.model.DecisionTableInfo;
import com.incidents.severity.policy.model.FeelLiterals;
import com.incidents.severity.policy.model.RuleRow;

/**
 * Writes the canonical JSON of a decision record, shaped for an auditor: the request as received,
 * the normalised facts, the result, the error if there was one, and the hash of its trace. The
 * trace (every table with its evaluated inputs and matched rows, the DRL rules that fired, the
 * explanation) depends only on the engine outcome, so it is written once per outcome.
 */
@ApplicationScoped
public class AuditRecords {

    @Inject
    ObjectMapper json;

    private final Cache<Outcome, AuditEntry.Trace> traces = Caffeine.newBuilder().weakKeys().maximumSize(50_000)
            .build();

    public AuditEntry.Trace trace(Outcome outcome, PolicyEngine engine) {
        return traces.get(outcome, o -> {
            String text = write(traceJson(o, engine));
            return new AuditEntry.Trace(ChainHash.sha256(text), text);
        });
    }

    public String decided(Decision d, AuditEntry.Trace trace, DecisionRequest request, String caller, long micros) {
        ObjectNode record = header(d.decisionId(), d.decidedAt().toString(), caller, d.policyVersion(), "DECIDED",
                micros, request);
        ObjectNode result = record.putObject("result");
        result.put("severity", d.severity());
        result.put("basis", d.basis());
        result.put("impactSeverity", d.impactSeverity());
        result.put("capabilitySeverity", d.capabilitySeverity());
        result.put("escalationSeverity", d.escalationSeverity());
        result.put("capabilityTier", d.capabilityTier());
        var targets = d.responseTargets();
        if (targets == null) {
            result.putNull("responseTargets");
        } else { // the handling text is in the trace; only what this request adds is kept here
            result.putObject("responseTargets").put("class", targets.responseClass())
                    .put("investigationDueAt", text(targets.investigationDueAt()))
                    .put("statusUpdateDueAt", text(targets.statusUpdateDueAt()));
        }
        var next = d.nextEscalation();
        if (next == null) {
            result.putNull("nextEscalation");
        } else {
            result.putObject("nextEscalation").put("at", next.at().toString()).put("severity", next.severity())
                    .put("afterMinutes", next.afterMinutes());
        }
        // The explanation is the trace's, with the lines this request adds (duration so far, next escalation).
        ArrayNode extra = result.putArray("explanationAdded");
        d.explanation().stream().filter(line -> line.startsWith("Duration: ") || line.startsWith("Unless resolved"))
                .forEach(extra::add);
        record.put("traceHash", trace.hash());
        record.putNull("error");
        return write(record);
    }

    public String failed(String decisionId, String decidedAt, DecisionRequest request, String version,
            String caller, long micros, String error) {
        ObjectNode record = header(decisionId, decidedAt, caller, version, "FAILED", micros, request);
        record.putNull("result");
        record.putNull("traceHash");
        record.put("error", error);
        return write(record);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private ObjectNode header(String id, String decidedAt, String caller, String version, String status, long micros,
            DecisionRequest request) {
        ObjectNode record = json.createObjectNode();
        record.put("decisionId", id);
        record.put("decidedAt", decidedAt);
        record.put("caller", caller);
        record.put("policyVersion", version);
        record.put("status", status);
        record.put("evaluationMicros", micros);
        record.set("request", request.body());
        var f = request.facts();
        record.putObject("facts").put("impactLevel", f.impactLevel()).put("affectedUsers", f.affectedUsers())
                .put("affectedApps", f.affectedApps()).put("capability", f.capability())
                .put("statedTier", f.statedTier()).put("incidentType", f.incidentType())
                .put("durationMinutes", f.durationMinutes()).put("partnerReports", f.partnerReports());
        return record;
    }

    private JsonNode traceJson(Outcome outcome, PolicyEngine engine) {
        ObjectNode trace = json.createObjectNode();
        trace.put("policyVersion", engine.version());
        ArrayNode tables = trace.putArray("tables");
        for (TableTrace t : outcome.tables()) {
            DecisionTableInfo info = engine.policy().table(t.model(), t.decision());
            ObjectNode table = tables.addObject();
            table.put("model", t.model());
            table.put("decision", t.decision());
            table.put("hitPolicy", info.hitPolicy());
            table.set("inputs", json.valueToTree(t.inputs()));
            ArrayNode matched = table.putArray("matchedRules");
            for (int index : t.matched()) {
                RuleRow row = info.rule(index);
                ObjectNode rule = matched.addObject();
                rule.put("ruleIndex", index);
                rule.put("ruleId", row.id());
                rule.put("annotation", row.annotation());
                rule.put("selected", t.selected().contains(index));
                ObjectNode outputs = rule.putObject("outputs");
                row.outputEntries().forEach((name, text) -> outputs.set(name, json.valueToTree(FeelLiterals.decode(text))));
            }
        }
        ArrayNode rules = trace.putArray("drlRules");
        for (FiredRule r : outcome.firedRules()) {
            if ("DRL".equals(r.kind())) {
                rules.addObject().put("name", r.name()).put("description", r.description());
            }
        }
        trace.set("explanation", json.valueToTree(outcome.explanation()));
        return trace;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
