package com.incidents.severity.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit trail: on by default; where it is stored is the choice of datasource (see README). */
@ConfigMapping(prefix = "severity.audit")
public interface AuditConfig {

    /** Folder of the embedded H2 database (used unless the PostgreSQL datasource is active). */
    @WithDefault("./data")
    String dataDir();

    /** Record every decision before answering. Off only for measurements (see BENCHMARKS.md). */
    @WithDefault("true")
    boolean enabled();

    /** Most records written in one transaction (group commit). */
    @WithDefault("500")
    int batchSize();

    /** Decisions waiting to be written; past this, callers get 503 rather than an unrecorded answer. */
    @WithDefault("20000")
    int queueCapacity();

    /** Largest page of GET /api/v1/decisions. */
    @WithDefault("500")
    int maxPageSize();

    /**
     * Longest a decision waits for its record to be committed; past it the caller gets a 503 and the
     * record is not written. Also the statement timeout of the writer's own statements.
     */
    @WithDefault("5s")
    Duration commitTimeout();

    /**
     * How long the audit writer's thread stays dead (an Error ended it) before the writer itself
     * starts a new one; the readiness check only reports it. Meanwhile decisions get a 503. A
     * delay, so that an Error that recurs at once does not turn into a busy loop of restarts.
     */
    @WithDefault("1s")
    Duration restartAfter();

    /**
     * On shutdown, after the last write, compact the embedded H2 store ({@code SHUTDOWN COMPACT}):
     * group commits leave free space behind that only a compaction returns. No effect on PostgreSQL.
     */
    @WithDefault("true")
    boolean compactOnShutdown();

    /** Exports and verifies: how many may run at once, and how long each statement may take. */
    Reads reads();

    Retention retention();

    /** The key that signs retention checkpoints and exported chain heads (see README, "Signed heads"). */
    Signing signing();

    /** The signed chain heads exported on a schedule, outside the database. */
    Heads heads();

    interface Signing {
        /**
         * The Ed25519 private key, as base64 of its PKCS#8 encoding (for a secret store). Set, it is
         * used and {@code key-file} is not read.
         */
        Optional<String> key();

        /**
         * A PKCS#8 PEM file holding the Ed25519 private key; made with a new key at the first start
         * when it does not exist. Unset: {@code audit-keys/signing-key.pem} beside
         * {@code severity.audit.data-dir} (never inside it: the service refuses to start then).
         */
        Optional<String> keyFile();
    }

    interface Heads {
        /**
         * The append-only JSON Lines file of signed heads. Unset: {@code audit-heads/NAME.jsonl}
         * beside {@code severity.audit.data-dir}, NAME being the data folder's name (never inside it).
         */
        Optional<String> exportFile();

        /** How often the chain head is signed and, when it moved, appended to the export file. */
        @WithDefault("1m")
        Duration interval();
    }

    interface Reads {
        /** Exports running at once; more are answered 429 with Retry-After. */
        @WithDefault("2")
        int maxExports();

        /** Chain verifications running at once; more are answered 429 with Retry-After. */
        @WithDefault("1")
        int maxVerifies();

        /** Statement timeout of the queries of exports and verifies (each fetch of a streamed export). */
        @WithDefault("60s")
        Duration statementTimeout();
    }

    interface Retention {
        /** Records decided more than this many days ago are archived and pruned. Unset: kept for ever. */
        Optional<Integer> days();

        /** Where the gzip JSONL archives go. Unset: {@code archive} under {@code severity.audit.data-dir}. */
        Optional<String> archiveDir();

        /** How often retention runs (when {@code days} is set). */
        @WithDefault("1h")
        Duration interval();
    }
}
