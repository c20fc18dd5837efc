package com.incidents.severity.replica;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a replica learns of a version another replica put in force (README, "Several replicas"). */
@ConfigMapping(prefix = "severity.replicas")
public interface ReplicasConfig {

    /** How often the shared version in force is read; 0 turns following off. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a version this replica refused waits before it is tried again. */
    @WithDefault("30s")
    Duration retryRefusedAfter();
}
