package com.incidents.severity.audit;

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
}
