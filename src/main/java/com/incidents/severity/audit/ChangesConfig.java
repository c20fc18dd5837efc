package com.incidents.severity.audit;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The change history of the policy (see README, "Change history"). */
@ConfigMapping(prefix = "severity.changes")
public interface ChangesConfig {

    /** This replica's name in the change records it writes. Unset: the host name. */
    Optional<String> replica();
}
