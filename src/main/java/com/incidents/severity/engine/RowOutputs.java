package com.incidents.severity.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.feel.FEEL;

import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * The output values of a matched row, as the engine produced them for this evaluation. When the
 * row is the one row a single-hit policy selected, the decision's result is that row's output, so
 * it is read from the result. Otherwise (a row a PRIORITY or FIRST table matched but did not
 * select, or rule order, output order, collect) each output cell is evaluated with the FEEL engine
 * Drools ships, in the context this evaluation built; a plain string or number literal is read
 * as FEEL reads it, without a FEEL call.
 */
final class RowOutputs {

    private static final Set<String> SINGLE_HIT = Set.of("UNIQUE", "ANY", "FIRST", "PRIORITY");
    private static final FEEL FEEL_ENGINE = FEEL.newInstance(RowOutputs.class.getClassLoader(), java.util.List.of());

    private RowOutputs() {
    }

    /** Whether {@code row} is the single row whose outputs are the decision's result. */
    static boolean isTheResult(DecisionTableInfo table, RuleRow row, java.util.List<Integer> selected) {
        return selected.size() == 1 && selected.get(0) == row.index() && SINGLE_HIT.contains(table.hitPolicy());
    }

    static Map<String, Object> of(DecisionTableInfo table, RuleRow row, boolean isTheResult, DMNResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        Object value = isTheResult ? result.getDecisionResultByName(table.decision()).getResult() : null;
        for (Map.Entry<String, String> cell : row.outputEntries().entrySet()) {
            Object out;
            if (isTheResult) {
                out = row.outputEntries().size() > 1 && value instanceof Map<?, ?> map ? map.get(cell.getKey()) : value;
            } else {
                out = literal(cell.getValue());
                if (out == NOT_A_LITERAL) {
                    out = FEEL_ENGINE.evaluate(cell.getValue(), result.getContext().getAll());
                }
            }
            outputs.put(cell.getKey(), EngineEvaluator.plain(out));
        }
        return outputs;
    }

    private static final Object NOT_A_LITERAL = new Object();

    /** A cell that is a plain string literal (no escapes), a plain decimal number or null, as FEEL reads it. */
    private static Object literal(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("null")) {
            return null;
        }
        if (t.length() >= 2 && t.charAt(0) == '"' && t.indexOf('"', 1) == t.length() - 1 && t.indexOf('\\') < 0) {
            return t.substring(1, t.length() - 1);
        }
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(t);
        }
        return NOT_A_LITERAL;
    }
}
