package com.incidents.severity.audit.model;

import java.time.Instant;
import java.util.Set;

/**
 * The rows a policy change added or edited, for the search of the decisions made under them since:
 * {@code ruleIds} as "model/decision#ruleId"; rows without an id as "model/decision@index", which
 * count only for decisions of {@code version}, the version the change put in force.
 */
public record RowSelection(String changeId, Instant since, Set<String> ruleIds, Set<String> positions, String version) {

    public static String ruleKey(String table, String ruleId) {
        return table + "#" + ruleId;
    }

    public static String positionKey(String table, int index) {
        return table + "@" + index;
    }
}
