package com.incidents.severity.audit.model;

import com.incidents.severity.policy.model.ReloadTrigger;

/** What put a policy version in force, as the change history names it. */
public enum ChangeKind {
    /** The version found when a replica started (one record per replica start, see README). */
    STARTUP,
    /** A reload of the rules folder asked for through the API or the console. */
    RELOAD,
    /** A reload of the rules folder after the watcher saw it change. */
    WATCHER,
    /** A reviewed draft put in force. */
    PUBLISH,
    /** An earlier version put in force again, as a publish. */
    ROLLBACK;

    /** By the trigger's name, so that triggers added later (publish, rollback) map without a code change here. */
    public static ChangeKind of(ReloadTrigger trigger) {
        return switch (trigger.name()) {
            case "API" -> RELOAD;
            default -> valueOf(trigger.name());
        };
    }
}
