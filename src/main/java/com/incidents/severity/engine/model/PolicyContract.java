package com.incidents.severity.engine.model;

/**
 * The names the service relies on in the DMN files. Editors may change every table, row and
 * threshold; these model, input and decision names are the interface between the files and the
 * service, and a policy that lacks one of them is refused at load.
 */
public final class PolicyContract {

    public static final String SEVERITY_MODEL = "Incident severity";
    public static final String TARGETS_MODEL = "Response targets";

    public static final String IMPACT_LEVEL = "Impact level";
    public static final String AFFECTED_USERS = "Affected users";
    public static final String AFFECTED_APPS = "Affected apps";
    public static final String CAPABILITY = "Capability";
    public static final String STATED_TIER = "Stated tier";
    public static final String INCIDENT_TYPE = "Incident type";
    public static final String DURATION_MINUTES = "Duration minutes";
    public static final String PARTNER_REPORTS = "Partner reports";

    public static final String CAPABILITY_LOOKUP = "Capability lookup";
    public static final String IMPACT_BAND = "Impact band";
    public static final String IMPACT_SEVERITY = "Impact severity";
    public static final String CAPABILITY_SEVERITY = "Capability severity";
    public static final String ESCALATION_SEVERITY = "Escalation severity";

    public static final String SEVERITY = "Severity";
    public static final String RESPONSE_TARGETS = "Response targets";

    /** The DRL's package, the fact types it declares for the service, and its query. */
    public static final String DRL_PACKAGE = "severity";
    public static final String DRL_ASSESSMENT = "Assessment";
    public static final String DRL_COMPARISON = "SeverityComparison";
    public static final String DRL_MORE_SEVERE = "more severe";

    /** The basis the DRL rules set when the impact matrix sets the severity. */
    public static final String IMPACT_BASIS = "IMPACT";

    /** The basis the DRL rules set when the capability framework sets the severity. */
    public static final String CAPABILITY_BASIS = "CAPABILITY";

    /** The value the tables use for "no severity", "no band" and "no catalog". */
    public static final String NONE = "NONE";

    private PolicyContract() {
    }
}
