package com.incidents.severity.console.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.incidents.severity.incident.model.Incident;
import com.incidents.severity.incident.model.TargetClock;

/** One open incident as the open-incidents page shows it, in the policy's words. */
public record IncidentLine(String key, String severity, String engineSeverity, boolean overridden, String openFor,
        String nextSeverity, Instant nextAt, String nextIn, List<String> targets) {

    public static IncidentLine of(Incident i, Instant now) {
        var given = i.facts() == null ? null : i.facts().get("startedAt"); // when it started, else when it was opened here
        Instant started = given != null && given.isTextual() ? Instant.parse(given.textValue()) : i.openedAt();
        var next = i.nextEscalation();
        return new IncidentLine(i.key(), i.severity() == null ? "none" : i.severity(), i.engineSeverity(),
                i.override() != null, words(Duration.between(started, now)), next == null ? null : next.severity(),
                next == null ? null : next.at(), next == null ? null : words(Duration.between(now, next.at())),
                i.targets().stream().map(c -> target(c, now)).toList());
    }

    private static String target(TargetClock c, Instant now) {
        String name = c.target().equals("investigation") ? "Investigation" : "Status update";
        return switch (c.state()) {
            case TargetClock.MET -> name + " met";
            case TargetClock.MISSED -> name + " missed by " + words(Duration.ofSeconds(c.lateSeconds()));
            default -> name + " due in " + words(Duration.between(now, c.dueAt()));
        };
    }

    /** A duration as people say it: "2 h 5 min", "45 min", "under a minute". */
    static String words(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "under a minute";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
