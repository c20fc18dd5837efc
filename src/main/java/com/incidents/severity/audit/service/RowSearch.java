package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.RecordSummary;
import com.incidents.severity.audit.model.RowSelection;
import com.incidents.severity.audit.store.RecordQueries;

/**
 * The record search narrowed to the decisions made under some rows (those a change added or
 * edited): the records the filter selects, newest first, whose trace has one of the rows among its
 * deciding ones. The rows are in the traces, not in columns, so a page reads up to {@link #SCAN}
 * records; when it stops there, its cursor goes on from the last one read. A trace is shared by
 * many decisions, so the deciding rows of each are remembered.
 */
@ApplicationScoped
public class RowSearch {

    static final int SCAN = 2_000;
    private static final int BATCH = 200;

    @Inject
    RecordQueries queries;

    @Inject
    ObjectMapper json;

    private final Cache<String, Set<String>> decidingRows = Caffeine.newBuilder().maximumSize(20_000).build();

    public RecordPage page(RecordFilter filter, RowSelection rows, Long beforeSeq, int limit) throws Exception {
        List<RecordSummary> items = new ArrayList<>();
        Long cursor = beforeSeq;
        int read = 0;
        while (read < SCAN) {
            List<RecordQueries.Summarised> batch = queries.summarised(filter, cursor, Math.min(BATCH, SCAN - read));
            for (RecordQueries.Summarised s : batch) {
                read++;
                cursor = s.summary().seq();
                if (under(s, rows)) {
                    items.add(s.summary());
                    if (items.size() == limit) {
                        return new RecordPage(List.copyOf(items), Long.toString(cursor));
                    }
                }
            }
            if (batch.size() < BATCH) {
                return new RecordPage(List.copyOf(items), null);
            }
        }
        return new RecordPage(List.copyOf(items), Long.toString(cursor));
    }

    private boolean under(RecordQueries.Summarised s, RowSelection rows) throws Exception {
        JsonNode record = json.readTree(s.record());
        String hash = record.path("traceHash").asText(null);
        if (hash == null) {
            return false;
        }
        Set<String> deciding = decidingRows.getIfPresent(hash);
        if (deciding == null) {
            deciding = deciding(hash);
            decidingRows.put(hash, deciding);
        }
        for (String row : deciding) {
            if (rows.ruleIds().contains(row)
                    || rows.positions().contains(row) && rows.version().equals(s.summary().policyVersion())) {
                return true;
            }
        }
        return false;
    }

    /** The trace's selected rows, by rule id and by position. */
    private Set<String> deciding(String hash) throws SQLException, Exception {
        Set<String> rows = new HashSet<>();
        Optional<String> trace = queries.trace(hash);
        if (trace.isEmpty()) {
            return rows;
        }
        for (JsonNode table : json.readTree(trace.get()).path("tables")) {
            String key = table.path("model").asText() + "/" + table.path("decision").asText();
            for (JsonNode rule : table.path("matchedRules")) {
                if (rule.path("selected").asBoolean(true)) {
                    if (rule.path("ruleId").isTextual()) {
                        rows.add(RowSelection.ruleKey(key, rule.path("ruleId").asText()));
                    }
                    rows.add(RowSelection.positionKey(key, rule.path("ruleIndex").asInt()));
                }
            }
        }
        return rows;
    }
}
