package com.incidents.severity.engine;

import java.util.List;
import java.util.Map;

/** What one decision table saw and did: its evaluated inputs and the rows that matched and were selected. */
public record TableTrace(String model, String decision, Map<String, Object> inputs, List<Integer> matched,
        List<Integer> selected) {
}
