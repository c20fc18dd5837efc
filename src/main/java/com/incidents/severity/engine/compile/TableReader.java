package com.incidents.severity.engine.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.RuleAnnotation;

import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/** Turns the decision tables of a DMN model into plain data for traces, the catalog and the API. */
final class TableReader {

    private TableReader() {
    }

    static List<DecisionTableInfo> read(DMNModel model) {
        List<DecisionTableInfo> tables = new ArrayList<>();
        for (DecisionNode node : model.getDecisions()) {
            if (node.getDecision().getExpression() instanceof DecisionTable table) {
                tables.add(read(model.getName(), node.getName(), table));
            }
        }
        return tables;
    }

    private static DecisionTableInfo read(String model, String decision, DecisionTable table) {
        List<DecisionTableInfo.Column> inputs = table.getInput().stream()
                .map(in -> new DecisionTableInfo.Column(in.getLabel(), in.getInputExpression().getText()))
                .toList();
        List<String> outputs = table.getOutput().stream()
                .map(out -> outputName(out, decision, table.getOutput().size()))
                .toList();
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < table.getRule().size(); i++) {
            rows.add(row(i + 1, table.getRule().get(i), outputs));
        }
        return new DecisionTableInfo(model, decision, table.getHitPolicy().value(), inputs, outputs,
                List.copyOf(rows));
    }

    private static RuleRow row(int index, DecisionRule rule, List<String> outputs) {
        List<String> cells = rule.getInputEntry().stream().map(e -> e.getText()).toList();
        Map<String, String> outs = new LinkedHashMap<>();
        for (int o = 0; o < rule.getOutputEntry().size() && o < outputs.size(); o++) {
            outs.put(outputs.get(o), rule.getOutputEntry().get(o).getText());
        }
        String annotation = rule.getAnnotationEntry().stream()
                .map(RuleAnnotation::getText)
                .filter(t -> t != null && !t.isBlank())
                .findFirst().orElse(null);
        return new RuleRow(index, rule.getId(), cells, outs, annotation);
    }

    private static String outputName(OutputClause out, String decision, int count) {
        if (out.getName() != null && !out.getName().isBlank()) {
            return out.getName();
        }
        return count == 1 ? decision : "output";
    }
}
