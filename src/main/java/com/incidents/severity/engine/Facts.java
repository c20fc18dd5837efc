package com.incidents.severity.engine;

/**
 * The normalised facts of one decision, exactly as the engine sees them: enumerations upper
 * case, the capability as spelled in the catalog, counts and minutes as whole numbers, absent
 * facts null.
 */
public record Facts(String impactLevel, Long affectedUsers, Long affectedApps, String capability,
        String statedTier, String incidentType, Long durationMinutes, Long partnerReports) {

    public Facts withDurationMinutes(Long minutes) {
        return new Facts(impactLevel, affectedUsers, affectedApps, capability, statedTier, incidentType, minutes,
                partnerReports);
    }

    /** Whether any fact the engine decides from is given (an impact level alone is none). */
    public boolean hasAny() {
        return affectedUsers != null || affectedApps != null || capability != null || statedTier != null
                || incidentType != null || durationMinutes != null || partnerReports != null;
    }
}
