package com.incidents.severity.draft;

/** A publish of a draft whose base is no longer the version in force (409), offering a rebase. */
public class StaleBaseException extends DraftRefusedException {

    public StaleBaseException(String draftId, String baseVersion, String versionInForce) {
        super(new DraftProblem("/problems/stale-base", "The draft's base is no longer in force", 409,
                "Draft " + draftId + " was made on " + baseVersion + " but " + versionInForce + " is in force now;"
                        + " rebase it (POST /api/v1/policy/drafts/" + draftId + "/rebase) onto the version in force,"
                        + " then have it approved and publish it",
                draftId, baseVersion, versionInForce, "/api/v1/policy/drafts/" + draftId + "/rebase", null));
    }
}
