package com.incidents.severity.decision.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.problem.Problem;

/** The answer to one request of a batch: a decision, or the problem that rejected it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItem(int index, int status, Decision decision, Problem problem) {
}
