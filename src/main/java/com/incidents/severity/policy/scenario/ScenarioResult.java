package com.incidents.severity.policy.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One scenario row and how the policy answered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String file, long line, String description, boolean passed, String expectedSeverity,
        String expectedBasis, String actualSeverity, String actualBasis, String error, String expectedResponseClass,
        String actualResponseClass) {

    /** What was expected and what came, as "SEV2/IMPACT" or "SEV2/IMPACT/MAJOR" when a response class is expected. */
    public String expected() {
        return expectedSeverity + "/" + expectedBasis + (expectedResponseClass == null ? "" : "/" + expectedResponseClass);
    }

    public String actual() {
        return actualSeverity + "/" + actualBasis + (expectedResponseClass == null ? "" : "/" + actualResponseClass);
    }

    @Override
    public String toString() {
        String where = file + ":" + line + " " + description;
        if (error != null) {
            return where + ": " + error;
        }
        return where + (passed ? ": ok" : ": expected " + expected() + ", got " + actual());
    }
}
