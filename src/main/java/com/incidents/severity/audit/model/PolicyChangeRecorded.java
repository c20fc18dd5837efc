package com.incidents.severity.audit.model;

import java.time.Instant;

/**
 * Fired (synchronously, as a CDI event) once this replica has recorded a change of the policy in
 * force in the audit chain: the change id, the versions before (null: none) and after, and when.
 * Not fired where a replica only follows a change another replica recorded, so what follows a
 * change (re-deciding open incidents) is started once for the deployment.
 */
public record PolicyChangeRecorded(String changeId, String versionBefore, String versionAfter, Instant at) {
}
