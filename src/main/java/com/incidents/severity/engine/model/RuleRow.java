package com.incidents.severity.engine.model;

import java.util.List;
import java.util.Map;

/** One row of a DMN decision table as the editor wrote it: 1-based index, id, cells and annotation. */
public record RuleRow(int index, String id, List<String> inputEntries, Map<String, String> outputEntries,
        String annotation) {
}
