package com.incidents.severity.engine;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule that fired: a DMN decision table row (model, decision, 1-based index, id, annotation,
 * outputs) or a DRL rule (name, description).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiredRule(String kind, String model, String decision, Integer ruleIndex, String ruleId,
        String annotation, Map<String, Object> outputs, String name, String description) {

    public static FiredRule dmn(String model, String decision, int ruleIndex, String ruleId, String annotation,
            Map<String, Object> outputs) {
        return new FiredRule("DMN", model, decision, ruleIndex, ruleId, annotation, outputs, null, null);
    }

    public static FiredRule drl(String name, String description) {
        return new FiredRule("DRL", null, null, null, null, null, null, name, description);
    }
}
