package com.incidents.severity.security;

/**
 * The service's roles: a contract with whoever grants them (embedded users, an OIDC provider).
 * A user may hold several. This package imports no feature package, so every resource can use it.
 */
public final class Roles {

    /** Asks for decisions: POST /api/v1/decisions and /batch, GET /api/v1/ping. */
    public static final String DECISION_CLIENT = "decision-client";

    /** Reloads and previews policies (and later publishes them). */
    public static final String POLICY_EDITOR = "policy-editor";

    /** Reads, exports, replays and verifies the audit trail. */
    public static final String AUDITOR = "auditor";

    /** Sets an incident's severity by hand, with a reason, and lifts that override. */
    public static final String INCIDENT_RESPONDER = "incident-responder";

    private Roles() {
    }
}
