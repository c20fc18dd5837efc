package com.incidents.severity.console.view;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.engine.model.DecisionTableInfo;

/**
 * One recorded decision as the console shows it, read from the record the audit trail answers
 * ({@code AuditQueryService.record}): request and facts, outcome, targets, explanation, the tables
 * drawn with the trace, the DRL rules, and the record's place in the chain.
 */
public record DecisionView(String decisionId, String decidedAt, String caller, String status, String policyVersion,
        String evaluationMicros, String requestJson, List<Field> facts, List<Field> outcome, List<Field> targets,
        List<Field> nextEscalation, List<String> explanation, List<DrawnTable> tables, List<Field> drlRules,
        String error, long seq, String hash, String prevHash, boolean tablesKnown) {

    /**
     * {@code tables} finds a table of the record's policy version by model and decision (null when
     * that version is not available).
     */
    public static DecisionView of(JsonNode r, BiFunction<String, String, DecisionTableInfo> tables) {
        JsonNode result = r.path("result");
        JsonNode trace = r.path("trace");
        List<DrawnTable> drawn = new ArrayList<>();
        boolean known = true;
        for (JsonNode t : trace.path("tables")) {
            DecisionTableInfo info = tables.apply(t.path("model").asText(), t.path("decision").asText());
            if (info == null) {
                known = false;
            } else {
                drawn.add(DrawnTable.of(info, t));
            }
        }
        List<String> explanation = new ArrayList<>();
        List<String> added = texts(result.path("explanationAdded"));
        added.stream().filter(l -> l.startsWith("Duration: ")).forEach(explanation::add);
        explanation.addAll(texts(trace.path("explanation")));
        added.stream().filter(l -> !l.startsWith("Duration: ")).forEach(explanation::add);
        List<Field> drl = new ArrayList<>();
        trace.path("drlRules").forEach(d -> drl.add(new Field(d.path("name").asText(), text(d, "description"))));
        return new DecisionView(text(r, "decisionId"), text(r, "decidedAt"), text(r, "caller"), text(r, "status"),
                text(r, "policyVersion"), text(r, "evaluationMicros"), r.path("request").toPrettyString(),
                fields(r.path("facts")), pick(result, "severity", "basis", "impactSeverity", "capabilitySeverity",
                        "escalationSeverity", "capabilityTier"),
                fields(result.path("responseTargets")), fields(result.path("nextEscalation")), explanation, drawn, drl,
                text(r, "error"), r.path("seq").asLong(), text(r, "hash"), text(r, "prevHash"), known);
    }

    public String severity() {
        return outcome.isEmpty() ? null : outcome.get(0).value();
    }

    private static List<Field> fields(JsonNode object) {
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            var e = it.next();
            fields.add(new Field(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return fields;
    }

    private static List<Field> pick(JsonNode object, String... names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(new Field(name, text(object, name)));
        }
        return fields;
    }

    private static List<String> texts(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(l -> lines.add(l.asText()));
        return lines;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
