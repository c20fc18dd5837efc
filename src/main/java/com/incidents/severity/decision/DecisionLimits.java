package com.incidents.severity.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sizes of decision requests; over one, the request is refused with a 413 problem. */
@ConfigMapping(prefix = "severity.decisions")
public interface DecisionLimits {

    /** Bytes of one decision request's body. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Bytes of a batch's body (the server's quarkus.http.limits.max-body-size applies too). */
    @WithDefault("4194304")
    int maxBatchBytes();

    /** Requests in one batch. */
    @WithDefault("1000")
    int maxBatchItems();
}
