package com.incidents.severity.console.view;

import java.time.Instant;
import java.util.List;

import com.incidents.severity.incident.model.TargetClock;
import com.incidents.severity.incident.model.TimelineEntry;

/** One decision of an incident's story, as its timeline page tells it: why, what changed, what decided. */
public record TimelineLine(int n, String decisionId, Instant at, String why, String actor, String changedFacts,
        String before, String after, String engine, List<String> rowsStopped, List<String> rowsStarted,
        List<String> targets, List<String> events, String policyVersion) {

    public static TimelineLine of(TimelineEntry e) {
        return new TimelineLine(e.n(), e.decisionId(), e.decidedAt(), why(e), e.actor(),
                e.changedFacts() == null || e.changedFacts().isEmpty() ? "none" : String.join(", ", e.changedFacts()),
                e.severityBefore() == null ? "none" : e.severityBefore(), e.severity() == null ? "none" : e.severity(),
                e.engineSeverity(), orEmpty(e.rowsStopped()), orEmpty(e.rowsStarted()),
                orEmpty(e.targets()).stream().map(TimelineLine::target).toList(),
                orEmpty(e.events()).stream().map(t -> t.substring(t.lastIndexOf("incident.") + 9)).toList(),
                e.policyVersion());
    }

    private static String why(TimelineEntry e) {
        return switch (e.trigger()) {
            case FACTS -> e.n() == 1 ? "Opened" : "Facts changed";
            case TIME -> "Time passed: " + switch (e.dueWork() == null ? "" : e.dueWork()) {
                case "ESCALATION" -> "the next escalation came";
                case "INVESTIGATION" -> "the investigation target fell due";
                case "STATUS_UPDATE" -> "the status-update target fell due";
                default -> "an instant came";
            } + (e.lateMillis() != null && e.lateMillis() >= 1000 ? " (decided " + e.lateMillis() / 1000 + " s after it)" : "");
            case POLICY -> "The policy changed" + (e.changeId() == null ? "" : " (change " + e.changeId() + ")");
            case OVERRIDE -> (e.override() != null ? "Set by hand to " + e.override().severity() : "Override lifted")
                    + (e.overrideReason() == null ? "" : ": " + e.overrideReason());
            case RESOLVE -> "Resolved";
        };
    }

    private static String target(TargetClock c) {
        String name = c.target().equals("investigation") ? "Investigation" : "Status update";
        return switch (c.state()) {
            case TargetClock.MET -> name + " met";
            case TargetClock.MISSED -> name + " missed (due " + c.dueAt() + ", " + c.lateSeconds() + " s late)";
            default -> name + " due " + c.dueAt();
        };
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
