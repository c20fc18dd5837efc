package com.incidents.severity.reference;

import java.util.Map;

import com.incidents.severity.engine.Facts;

/**
 * The policy written by hand in plain Java, straight from the policy text, with no engine and no
 * shared code: the oracle for the property tests and the in-process floor for the benchmark.
 */
public final class ReferencePolicy {

    /** Severity (null for none) and basis. */
    public record Result(String severity, String basis) {
    }

    private static final Map<String, String[]> OUTAGE = Map.of("C1", new String[] { "SEV2", "SEV1", "SEV1" },
            "C2", new String[] { "SEV2", "SEV2", "SEV2" }, "C3", new String[] { "SEV3", "SEV3", "SEV2" });
    private static final Map<String, String[]> DEGRADATION = Map.of("C1", new String[] { "SEV2", "SEV1", "SEV1" },
            "C2", new String[] { "SEV3", "SEV2", "SEV2" }, "C3", new String[] { null, "SEV3", "SEV3" });

    private ReferencePolicy() {
    }

    /** {@code tier} is the catalog tier of the capability, or the stated tier. */
    public static Result decide(Facts f, String tier) {
        String severity;
        String basis;
        if (f.affectedUsers() != null || f.affectedApps() != null) {
            severity = impact(f.impactLevel(), band(f.affectedUsers(), f.affectedApps()));
            basis = "IMPACT";
        } else {
            severity = capability(tier, f.incidentType(), f.durationMinutes());
            basis = "CAPABILITY";
        }
        String escalation = escalation(f.partnerReports());
        if (rank(escalation) > rank(severity)) {
            severity = escalation;
            basis = "ESCALATION";
        }
        return new Result(severity, severity == null ? "NONE" : basis);
    }

    private static int band(Long users, Long apps) {
        int u = users == null ? 0 : users > 5_000_000 ? 3 : users > 100_000 ? 2 : users >= 1_000 ? 1 : 0;
        int a = apps == null ? 0 : apps > 100 ? 3 : apps > 10 ? 2 : apps >= 3 ? 1 : 0;
        return Math.max(u, a);
    }

    private static String impact(String level, int band) {
        if (band == 0 || level == null) {
            return null;
        }
        if (level.equals("MAJOR")) {
            return band == 3 ? "SEV1" : band == 2 ? "SEV2" : "SEV3";
        }
        return band == 3 ? "SEV2" : "SEV3";
    }

    private static String capability(String tier, String type, Long minutes) {
        if (tier == null || type == null || minutes == null) {
            return null;
        }
        int column = minutes < 120 ? 0 : minutes <= 300 ? 1 : 2;
        return (type.equals("OUTAGE") ? OUTAGE : DEGRADATION).get(tier)[column];
    }

    private static String escalation(Long reports) {
        if (reports == null || reports <= 2) {
            return null;
        }
        return reports > 15 ? "SEV1" : reports > 5 ? "SEV2" : "SEV3";
    }

    private static int rank(String severity) {
        return severity == null ? 0 : 4 - (severity.charAt(3) - '0');
    }
}
