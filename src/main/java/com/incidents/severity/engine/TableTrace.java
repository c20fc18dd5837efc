package com.incidents.severity.engine;

import java.util.List;
import java.util.Map;

/**
 * What one decision table saw and did: its evaluated inputs, the rows that matched and were
 * selected, and the output values of each matched row (1-based index to output name to value) as
 * this evaluation produced them, never the cell text.
 */
public record TableTrace(String model, String decision, Map<String, Object> inputs, List<Integer> matched,
        List<Integer> selected, Map<Integer, Map<String, Object>> outputs) {
}
