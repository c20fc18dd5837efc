package com.incidents.severity.policy.model;

import java.time.Instant;

import com.incidents.severity.engine.model.PolicyFiles;

/**
 * Fired (synchronously, as a CDI event) each time a policy version is put in force on this replica:
 * at startup, by a reload (API or watcher), or by a publish. {@code before} is null for the first
 * version. Who made, approved and published the change is in {@code by} (empty for a folder reload).
 * {@code impact} is the replay impact the publisher measured before publishing (preview's replay
 * report, null where none was measured). {@code follows} is true where this replica only follows a
 * change another replica made and recorded (README, "Several replicas").
 */
public record PolicyChanged(ReloadTrigger trigger, PolicyFiles before, PolicyFiles after, ChangeAuthors by,
        String comment, Instant at, Object impact, boolean follows) {

    public PolicyChanged(ReloadTrigger trigger, PolicyFiles before, PolicyFiles after, ChangeAuthors by,
            String comment, Instant at) {
        this(trigger, before, after, by, comment, at, null, false);
    }

    /** The people behind a change; any of them null where nobody was (a folder reload has none). */
    public record ChangeAuthors(String author, String approver, String publisher, String draftId) {
        public static final ChangeAuthors NONE = new ChangeAuthors(null, null, null, null);
    }
}
