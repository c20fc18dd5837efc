package com.incidents.severity.policy.model;

import java.time.Instant;
import java.util.List;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.PolicyFileInfo;

/**
 * The policy in force as {@code GET /api/v1/policy} shows it; the version fields are null while
 * no policy has loaded, and {@code lastReload} then says why.
 */
public record PolicyView(String version, Instant loadedAt, String origin, ReloadTrigger trigger,
        List<PolicyFileInfo> files, String outcomeCache, String nextEscalation, ReloadAttempt lastReload,
        List<DecisionTableInfo> tables) {
}
