package com.incidents.severity.console.view;

import com.incidents.severity.audit.model.ChangeKind;

/** A kind of policy change in the words of the policy staff. */
public final class ChangeWords {

    private ChangeWords() {
    }

    public static String of(ChangeKind kind) {
        if (kind == null) {
            return "unknown";
        }
        return switch (kind) {
            case STARTUP -> "In force at start";
            case RELOAD -> "Reloaded from the rules folder";
            case WATCHER -> "Rules folder changed (watcher)";
            case PUBLISH -> "Draft published";
            case ROLLBACK -> "Rolled back";
        };
    }
}
