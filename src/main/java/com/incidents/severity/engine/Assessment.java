package com.incidents.severity.engine;

/**
 * The fact the DRL rules work on: the severities the decision tables gave, and the final
 * severity and basis the rules choose. Severities are "SEV1".."SEV3" or "NONE".
 */
public class Assessment {

    private final String impactBand;
    private final String impactSeverity;
    private final String capabilitySeverity;
    private final String escalationSeverity;
    private String severity = "NONE";
    private String basis;

    public Assessment(String impactBand, String impactSeverity, String capabilitySeverity,
            String escalationSeverity) {
        this.impactBand = impactBand;
        this.impactSeverity = impactSeverity;
        this.capabilitySeverity = capabilitySeverity;
        this.escalationSeverity = escalationSeverity;
    }

    public String getImpactBand() {
        return impactBand;
    }

    public String getImpactSeverity() {
        return impactSeverity;
    }

    public String getCapabilitySeverity() {
        return capabilitySeverity;
    }

    public String getEscalationSeverity() {
        return escalationSeverity;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity == null ? "NONE" : severity;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }
}
