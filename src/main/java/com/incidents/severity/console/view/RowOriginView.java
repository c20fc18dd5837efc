package com.incidents.severity.console.view;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deciding row of a decision and the policy change that last added or edited it, read from the
 * record's {@code rowChanges}; {@code changeId} is null when no recorded change did.
 */
public record RowOriginView(String decision, int ruleIndex, String ruleId, String changeId, String kindWords,
        String changedAt, String author, String approver, String publisher, String comment, String rowChange) {

    public static List<RowOriginView> of(JsonNode record) {
        List<RowOriginView> rows = new ArrayList<>();
        for (JsonNode o : record.path("rowChanges")) {
            JsonNode c = o.path("change");
            String kind = text(c, "kind");
            rows.add(new RowOriginView(text(o, "decision"), o.path("ruleIndex").asInt(), text(o, "ruleId"),
                    text(c, "changeId"), kind == null ? null
                            : ChangeWords.of(com.incidents.severity.audit.model.ChangeKind.valueOf(kind)),
                    text(c, "changedAt"), text(c, "author"), text(c, "approver"), text(c, "publisher"),
                    text(c, "comment"), "ADDED".equals(text(c, "rowChange")) ? "added" : "edited"));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
