package com.incidents.severity.engine;

/** The response targets the policy sets for a severity, as minutes relative to paging and start. */
public record ResponseTargetSpec(String responseClass, Integer investigationWithinMinutes,
        Integer statusUpdateWithinMinutes, String handling) {
}
