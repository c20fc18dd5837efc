package com.incidents.severity.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.incidents.severity.engine.EvaluationBounds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the policy comes from and how decisions on it are served. */
@ConfigMapping(prefix = "severity")
public interface PolicyConfig {

    Rules rules();

    Cache cache();

    Reload reload();

    Evaluation evaluation();

    Publish publish();

    /** Drafts published from the service (README, "Drafts, review and publish"). */
    interface Publish {
        /** A draft needs the approval of a policy editor other than its author before it is published. */
        @WithDefault("true")
        boolean requireApproval();

        /**
         * Write a published version into {@code severity.rules.dir} (atomically, file by file) when the
         * folder can be written. Off, or where it cannot: the version goes in force from the database
         * only, and the draft offers a zip and a patch of its changes for the team's git.
         */
        @WithDefault("true")
        boolean writeFolder();
    }

    /** Each evaluation's bounds (README, "What a policy may contain"): live decisions, scenarios, previews, replays. */
    interface Evaluation {
        /** The most characters (of a string) or items (of a list or context) a decision's value may hold. */
        @WithDefault(EvaluationBounds.MAX_VALUE_LENGTH)
        int maxValueLength();

        /** The most bytes one evaluation may allocate on its thread, checked at each decision; 0: not checked. */
        @WithDefault(EvaluationBounds.MAX_ALLOCATED_BYTES)
        long maxAllocatedBytes();

        default EvaluationBounds bounds() {
            return new EvaluationBounds(maxValueLength(), maxAllocatedBytes());
        }
    }

    interface Rules {
        /**
         * Folder holding the KIE module (DMN, DRL, META-INF/kmodule.xml). Unset: the copy of
         * {@code rules/} packaged into the application. Env: {@code SEVERITY_RULES_DIR}.
         */
        Optional<Path> dir();
    }

    interface Cache {
        /**
         * Engine outcomes kept, each for exactly the facts it was made from (see README, "How
         * decisions stay fast"). 0 turns the cache off: every decision is evaluated by the engine.
         */
        @WithDefault("100000")
        long maxEntries();
    }

    interface Reload {
        /**
         * Watch {@code severity.rules.dir} (with its subfolders) and reload after every change.
         * Has no effect without {@code severity.rules.dir}: the packaged copy cannot change.
         */
        @WithDefault("true")
        boolean watch();

        /**
         * How long the folder must stay quiet after a change before the reload starts, so that an
         * editor saving several files, or one file in several writes, causes one reload.
         */
        @WithDefault("200ms")
        Duration settle();

        /**
         * How often the watcher's supervisor checks that the watcher runs and still watches the
         * folder at {@code severity.rules.dir} (a folder replaced by {@code git checkout} or a
         * deploy's swap is another folder). One found so at two checks in a row (dead or deaf for
         * at least this long) is started again, and a reload catches up.
         */
        @WithDefault("2s")
        Duration restartAfter();

        /**
         * Refuse a policy on the DMN validator's warnings (decision-table analysis) as well as on
         * its errors. Off: warnings are reported and the policy is accepted.
         */
        @WithDefault("false")
        boolean blockOnWarnings();

        /**
         * How long the checks of a reload (startup, API, watched folder) may take; past it the
         * policy is refused, the one in force stays, and the check is given up at its next step.
         */
        @WithDefault("120s")
        Duration timeLimit();
    }
}
