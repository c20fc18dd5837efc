package com.incidents.severity.decision.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.incidents.severity.engine.Facts;

/** The request body as documented in OpenAPI; the service reads and checks bodies field by field. */
@Schema(name = "DecisionRequest", description = "Facts about an incident; every field is optional, but there must be something to decide on.")
public record DecisionRequestBody(
        @Schema(enumeration = { "MAJOR", "MINOR" }, description = "Required with affectedUsers or affectedApps") String impactLevel,
        @Schema(minimum = "0") Long affectedUsers,
        @Schema(minimum = "0") Long affectedApps,
        @Schema(description = "A catalog name (GET /api/v1/capabilities), matched ignoring case and surrounding spaces") String capability,
        @Schema(enumeration = { "C1", "C2", "C3" }) String capabilityTier,
        @Schema(enumeration = { "OUTAGE", "DEGRADATION" }) String incidentType,
        @Schema(minimum = "0", description = "Whole minutes; if absent and startedAt is given, measured from startedAt to now") Long durationMinutes,
        @Schema(minimum = "0") Long partnerReports,
        @Schema(format = "date-time", example = "2026-11-23T09:30:00Z") String startedAt,
        @Schema(format = "date-time", example = "2026-11-23T09:40:00Z") String pagedAt) {
}
