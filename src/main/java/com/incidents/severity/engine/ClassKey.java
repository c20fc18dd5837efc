package com.incidents.severity.engine;

/** The input class of a set of facts: text facts as they are, each number by the interval it falls in. */
record ClassKey(String impactLevel, int users, int apps, String capability, String statedTier,
        String incidentType, int duration, int reports) {
}
