package com.incidents.severity.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * A DMN decision table as the console draws it: columns (with the value each input had, when drawn
 * for a decision), hit policy, and every row marked matched or selected as the trace says.
 */
public record DrawnTable(String model, String decision, String hitPolicy, List<Column> columns, List<String> outputs,
        List<Row> rows) {

    public record Column(String label, String expression, String value) {
    }

    public record Row(int index, String id, List<String> inputs, List<String> outputs, String annotation,
            boolean matched, boolean selected) {
    }

    /** The table as written, nothing matched. */
    public static DrawnTable of(DecisionTableInfo info) {
        return drawn(info, null, Set.of(), Set.of());
    }

    /**
     * The table with one decision's trace: {@code trace} is a table of a recorded trace (inputs by
     * expression, matchedRules with ruleIndex and selected).
     */
    public static DrawnTable of(DecisionTableInfo info, JsonNode trace) {
        Set<Integer> matched = new TreeSet<>();
        Set<Integer> selected = new TreeSet<>();
        for (JsonNode rule : trace.path("matchedRules")) {
            matched.add(rule.path("ruleIndex").asInt());
            if (rule.path("selected").asBoolean()) {
                selected.add(rule.path("ruleIndex").asInt());
            }
        }
        return drawn(info, trace.path("inputs"), matched, selected);
    }

    private static DrawnTable drawn(DecisionTableInfo info, JsonNode inputs, Set<Integer> matched,
            Set<Integer> selected) {
        List<Column> columns = new ArrayList<>();
        for (DecisionTableInfo.Column c : info.inputs()) {
            JsonNode value = inputs == null ? null : inputs.get(c.expression());
            columns.add(new Column(c.label() == null ? c.expression() : c.label(), c.expression(),
                    inputs == null ? null : value == null || value.isNull() ? "null" : value.isTextual() ? value.asText() : value.toString()));
        }
        List<Row> rows = new ArrayList<>();
        for (RuleRow r : info.rules()) {
            rows.add(new Row(r.index(), r.id(), r.inputEntries(), outputs(info, r.outputEntries()), r.annotation(),
                    matched.contains(r.index()), selected.contains(r.index())));
        }
        return new DrawnTable(info.model(), info.decision(), info.hitPolicy(), columns, info.outputs(), rows);
    }

    private static List<String> outputs(DecisionTableInfo info, Map<String, String> entries) {
        List<String> cells = new ArrayList<>();
        for (String name : info.outputs()) {
            cells.add(entries.getOrDefault(name, ""));
        }
        if (info.outputs().isEmpty()) {
            cells.addAll(entries.values());
        }
        return cells;
    }

    public boolean traced() {
        return columns.stream().anyMatch(c -> c.value() != null);
    }
}
