package com.incidents.severity.engine;

/** Orders severities: SEV1 is the most severe, null (no severity) the least. */
public final class Severities {

    private Severities() {
    }

    public static int rank(String severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case "SEV1" -> 3;
            case "SEV2" -> 2;
            case "SEV3" -> 1;
            default -> 0;
        };
    }
}
