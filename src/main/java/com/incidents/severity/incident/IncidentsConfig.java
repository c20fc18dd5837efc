package com.incidents.severity.incident;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Incidents followed over time (see README, "Incidents over time"). */
@ConfigMapping(prefix = "severity.incidents")
public interface IncidentsConfig {

    /** How often each replica looks for work that has fallen due (escalations, target clocks). */
    @WithDefault("1s")
    Duration pollInterval();

    /** At most this many pieces of due work are claimed per look. */
    @WithDefault("200")
    int claimBatch();

    /** A claimed piece of work not done within this long is claimed again (by any replica). */
    @WithDefault("30s")
    Duration lease();
}
