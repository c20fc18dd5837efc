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
import com.incidents.severity.engine.FiredRule;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.TableTrace;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * The trace of an engine outcome, shaped for an auditor: every table with its evaluated inputs and
 * matched rows (index, id, annotation, the output values the engine produced), the DRL rules that
 * fired, and the explanation. It
 * depends only on the outcome, so it is written once per outcome and named by its SHA-256.
 */
@ApplicationScoped
public class AuditTraces {

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
                // the values this evaluation produced, as the engine traced them (never the cell text)
                rule.set("outputs", json.valueToTree(t.outputs().get(index)));
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
