package com.incidents.severity.incident.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One decision in an incident's story: what caused it, which facts changed, the severity before and
 * after, which DMN rows stopped and started deciding, the target clocks after it, and the events it
 * caused. {@code severity} is the one in force after it, {@code engineSeverity} the engine's; {@code override}
 * the override in force after it, {@code overrideReason} why one was set or lifted by it. {@code changeId} names the policy change a {@code POLICY} decision followed. {@code lateMillis} is how long after its instant a {@code TIME} decision was made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(int n, String decisionId, Trigger trigger, Instant decidedAt, String policyVersion,
        String actor, String severityBefore, String severity, String engineSeverity, Override override,
        String overrideReason, List<String> changedFacts, List<String> rowsStopped,
        List<String> rowsStarted, List<TargetClock> targets, Long lateMillis, String dueWork, String changeId, List<String> events) {
}
