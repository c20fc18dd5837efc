package com.incidents.severity.draft.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.incidents.severity.policy.model.ReloadTrigger;

/**
 * A publish's answer: the version now in force, from which draft, as a publish or a rollback, and
 * whether the rules folder was written ({@code folderProblem} says why not; the version is in force
 * from the database either way, and {@code zip} and {@code patch} carry the change to git).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Published(String version, String draftId, ReloadTrigger trigger, Instant publishedAt,
        boolean folderWritten, String folderProblem, String zip, String patch) {
}
