package com.incidents.severity.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.feel.FEEL;

import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * The output values of a selected row, as the engine produced them for this evaluation. Under a
 * single-hit policy the decision's result is that row's output, so it is read from the result.
 * Otherwise (rule order, output order, collect) each output cell is evaluated with the FEEL
 * engine Drools ships, in the context this evaluation built.
 */
final class RowOutputs {

    private static final Set<String> SINGLE_HIT = Set.of("UNIQUE", "ANY", "FIRST", "PRIORITY");
    private static final FEEL FEEL_ENGINE = FEEL.newInstance(RowOutputs.class.getClassLoader(), java.util.List.of());

    private RowOutputs() {
    }

    static Map<String, Object> of(DecisionTableInfo table, RuleRow row, int selected, DMNResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        boolean single = selected == 1 && SINGLE_HIT.contains(table.hitPolicy());
        Object value = single ? result.getDecisionResultByName(table.decision()).getResult() : null;
        for (Map.Entry<String, String> cell : row.outputEntries().entrySet()) {
            Object out;
            if (single) {
                out = row.outputEntries().size() > 1 && value instanceof Map<?, ?> map ? map.get(cell.getKey()) : value;
            } else {
                out = FEEL_ENGINE.evaluate(cell.getValue(), result.getContext().getAll());
            }
            outputs.put(cell.getKey(), EngineEvaluator.plain(out));
        }
        return outputs;
    }
}
