package com.incidents.severity.engine.model;

import java.util.List;

/** A DMN decision table as data: where it is, its columns, hit policy and rows. */
public record DecisionTableInfo(String model, String decision, String hitPolicy, List<Column> inputs,
        List<String> outputs, List<RuleRow> rules) {

    /** An input column: its label and the FEEL expression it tests. */
    public record Column(String label, String expression) {
    }

    public RuleRow rule(int oneBasedIndex) {
        return rules.get(oneBasedIndex - 1);
    }
}
