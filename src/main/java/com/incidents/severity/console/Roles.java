package com.incidents.severity.console;

/** The role names the service grants (a contract with the API's access control, issue 11). */
public final class Roles {

    /** Asks for decisions. */
    public static final String CLIENT = "decision-client";
    /** Reloads and previews policies. */
    public static final String EDITOR = "policy-editor";
    /** Searches, reads, exports, replays and verifies the audit trail. */
    public static final String AUDITOR = "auditor";
    /** Sets and lifts incidents' severities by hand. */
    public static final String RESPONDER = "incident-responder";

    private Roles() {
    }
}
