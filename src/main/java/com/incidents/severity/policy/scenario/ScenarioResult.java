package com.incidents.severity.policy.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One scenario row and how the policy answered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String file, long line, String description, boolean passed, String expectedSeverity,
        String expectedBasis, String actualSeverity, String actualBasis, String error) {

    @Override
    public String toString() {
        String where = file + ":" + line + " " + description;
        if (error != null) {
            return where + ": " + error;
        }
        return where + (passed ? ": ok" : ": expected " + expectedSeverity + "/" + expectedBasis + ", got "
                + actualSeverity + "/" + actualBasis);
    }
}
