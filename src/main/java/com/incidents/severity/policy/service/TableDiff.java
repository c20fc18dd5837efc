package com.incidents.severity.policy.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;

/**
 * Two policy versions' decision tables compared table by table. Rows are paired by their rule id
 * (what a DMN editor keeps across edits): a row only in the older version was removed, one only in
 * the newer was added, one in both with another cell or annotation was changed.
 */
public final class TableDiff {

    public enum Change { ADDED, REMOVED, CHANGED, SAME }

    /** One row of the comparison; {@code changedCells} are the 0-based input cells, then output cells, that differ. */
    public record RowDiff(Change change, RuleRow from, RuleRow to, Set<Integer> changedCells, boolean annotationChanged) {
    }

    /** One table in either version; {@code from} or {@code to} is null when the table is only in the other. */
    public record TableChanges(String key, DecisionTableInfo from, DecisionTableInfo to, List<RowDiff> rows,
            int added, int removed, int changed) {

        public boolean unchanged() {
            return added == 0 && removed == 0 && changed == 0 && from != null && to != null
                    && Objects.equals(from.hitPolicy(), to.hitPolicy()) && from.inputs().equals(to.inputs())
                    && from.outputs().equals(to.outputs());
        }
    }

    private TableDiff() {
    }

    public static List<TableChanges> compare(Map<String, DecisionTableInfo> from, Map<String, DecisionTableInfo> to) {
        Set<String> keys = new LinkedHashSet<>(from.keySet());
        keys.addAll(to.keySet());
        List<TableChanges> tables = new ArrayList<>();
        for (String key : keys) {
            tables.add(table(key, from.get(key), to.get(key)));
        }
        return tables;
    }

    private static TableChanges table(String key, DecisionTableInfo from, DecisionTableInfo to) {
        Map<String, RuleRow> before = rows(from);
        Map<String, RuleRow> after = rows(to);
        List<RowDiff> rows = new ArrayList<>();
        int added = 0, removed = 0, changed = 0;
        for (RuleRow row : after.values()) {
            RuleRow old = before.get(row.id());
            if (old == null) {
                rows.add(new RowDiff(Change.ADDED, null, row, Set.of(), false));
                added++;
            } else {
                Set<Integer> cells = cells(old, row);
                boolean annotation = !Objects.equals(old.annotation(), row.annotation());
                boolean same = cells.isEmpty() && !annotation;
                rows.add(new RowDiff(same ? Change.SAME : Change.CHANGED, old, row, cells, annotation));
                changed += same ? 0 : 1;
            }
        }
        for (RuleRow old : before.values()) {
            if (!after.containsKey(old.id())) {
                rows.add(new RowDiff(Change.REMOVED, old, null, Set.of(), false));
                removed++;
            }
        }
        return new TableChanges(key, from, to, rows, added, removed, changed);
    }

    private static Set<Integer> cells(RuleRow a, RuleRow b) {
        List<String> left = new ArrayList<>(a.inputEntries());
        left.addAll(a.outputEntries().values());
        List<String> right = new ArrayList<>(b.inputEntries());
        right.addAll(b.outputEntries().values());
        Set<Integer> differ = new LinkedHashSet<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : null;
            String r = i < right.size() ? right.get(i) : null;
            if (!Objects.equals(l, r)) {
                differ.add(i);
            }
        }
        return differ;
    }

    private static Map<String, RuleRow> rows(DecisionTableInfo table) {
        Map<String, RuleRow> rows = new LinkedHashMap<>();
        if (table != null) {
            table.rules().forEach(r -> rows.put(r.id() == null ? "#" + r.index() : r.id(), r));
        }
        return rows;
    }
}
