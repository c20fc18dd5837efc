package com.incidents.severity.policy.model;

import java.time.Instant;
import java.util.List;
import com.incidents.severity.engine.model.PolicyFileInfo;

/**
 * A policy version that has been in force: where it came from, what put it in force, its files,
 * and when it started and stopped serving ({@code retiredAt} null while in force).
 */
public record PolicyVersion(String version, String origin, ReloadTrigger trigger, List<PolicyFileInfo> files,
        Instant loadedAt, Instant retiredAt) {

    public PolicyVersion retired(Instant at) {
        return new PolicyVersion(version, origin, trigger, files, loadedAt, at);
    }
}
