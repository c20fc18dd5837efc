package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidents.severity.audit.model.ChangeRecord;
import com.incidents.severity.audit.model.RowOrigin;

/**
 * For each deciding row of a decision (a matched row its table selected), the change recorded
 * before the decision that last introduced or edited that row. Rows are followed by their rule id; a
 * row without one only by its position, and then only in a change that put the decision's own
 * version in force (positions shift from one version to the next).
 */
@ApplicationScoped
public class RowOrigins {

    @Inject
    ChangeHistory history;

    /** {@code record} is a decision's record with its {@code seq} and expanded {@code trace}. */
    public List<RowOrigin> of(JsonNode record) throws SQLException {
        List<RowOrigin> origins = new ArrayList<>();
        JsonNode tables = record.path("trace").path("tables");
        if (!tables.isArray() || tables.isEmpty()) {
            return origins;
        }
        List<ChangeHistory.Change> changes = history.before(record.path("seq").asLong());
        String version = record.path("policyVersion").asText(null);
        for (JsonNode table : tables) {
            String model = table.path("model").asText(), decision = table.path("decision").asText();
            for (JsonNode rule : table.path("matchedRules")) {
                if (!rule.path("selected").asBoolean(true)) {
                    continue;
                }
                int index = rule.path("ruleIndex").asInt();
                String id = rule.path("ruleId").isTextual() ? rule.path("ruleId").asText() : null;
                origins.add(new RowOrigin(model, decision, index, id, origin(changes, model + "/" + decision, id, index,
                        version)));
            }
        }
        return origins;
    }

    private static RowOrigin.Change origin(List<ChangeHistory.Change> newestFirst, String key, String id, int index,
            String version) {
        for (ChangeHistory.Change c : newestFirst) {
            ChangeRecord r = c.record();
            if (r.tables() == null || id == null && !r.versionAfter().equals(version)) {
                continue;
            }
            for (ChangeRecord.ChangedTable t : r.tables()) {
                if (!t.key().equals(key)) {
                    continue;
                }
                for (ChangeRecord.ChangedRow row : t.rows()) {
                    if (row.introduces(id, index)) {
                        return new RowOrigin.Change(r.changeId(), r.kind(), r.changedAt(), r.author(), r.approver(),
                                r.publisher(), r.comment(), row.change());
                    }
                }
            }
        }
        return null;
    }
}
