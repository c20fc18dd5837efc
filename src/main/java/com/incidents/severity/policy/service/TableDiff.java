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
 * the newer was added, one in both with another cell or annotation was changed. Rows without an id
 * are aligned by their contents (see {@link #align}).
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
        Map<String, RuleRow> before = withIds(from);
        Map<String, RuleRow> after = withIds(to);
        List<RowDiff> aligned = align(withoutIds(from), withoutIds(to));
        int next = 0;
        List<RowDiff> rows = new ArrayList<>();
        for (RuleRow row : to == null ? List.<RuleRow>of() : to.rules()) {
            if (row.id() == null) { // the alignment's rows up to this one: removed ones stay where they were
                while (next < aligned.size() && aligned.get(next).to() != row) {
                    rows.add(aligned.get(next++));
                }
                rows.add(aligned.get(next++));
            } else {
                RuleRow old = before.get(row.id());
                rows.add(old == null ? new RowDiff(Change.ADDED, null, row, Set.of(), false) : pair(old, row));
            }
        }
        rows.addAll(aligned.subList(next, aligned.size()));
        for (RuleRow old : before.values()) {
            if (!after.containsKey(old.id())) {
                rows.add(new RowDiff(Change.REMOVED, old, null, Set.of(), false));
            }
        }
        int added = count(rows, Change.ADDED), removed = count(rows, Change.REMOVED), changed = count(rows, Change.CHANGED);
        return new TableChanges(key, from, to, rows, added, removed, changed);
    }

    /**
     * Rows without an id, paired by content: the longest common subsequence of equal rows is SAME;
     * between two of those, rows are paired in order as CHANGED and what is left over is added or
     * removed. So a row inserted or removed anywhere is one row, not a shift of all that follow.
     */
    private static List<RowDiff> align(List<RuleRow> before, List<RuleRow> after) {
        int n = before.size(), m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = sameContent(before.get(i), after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<RowDiff> rows = new ArrayList<>();
        int i = 0, j = 0, gapI = 0, gapJ = 0;
        while (i < n || j < m) {
            if (i < n && j < m && sameContent(before.get(i), after.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                gap(before.subList(gapI, i), after.subList(gapJ, j), rows);
                rows.add(pair(before.get(i++), after.get(j++)));
                gapI = i;
                gapJ = j;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        gap(before.subList(gapI, n), after.subList(gapJ, m), rows);
        return rows;
    }

    private static void gap(List<RuleRow> before, List<RuleRow> after, List<RowDiff> rows) {
        for (int k = 0; k < Math.max(before.size(), after.size()); k++) {
            if (k < before.size() && k < after.size()) {
                rows.add(pair(before.get(k), after.get(k)));
            } else if (k < after.size()) {
                rows.add(new RowDiff(Change.ADDED, null, after.get(k), Set.of(), false));
            } else {
                rows.add(new RowDiff(Change.REMOVED, before.get(k), null, Set.of(), false));
            }
        }
    }

    private static RowDiff pair(RuleRow old, RuleRow row) {
        Set<Integer> cells = cells(old, row);
        boolean annotation = !Objects.equals(old.annotation(), row.annotation());
        return new RowDiff(cells.isEmpty() && !annotation ? Change.SAME : Change.CHANGED, old, row, cells, annotation);
    }

    private static boolean sameContent(RuleRow a, RuleRow b) {
        return cells(a, b).isEmpty() && Objects.equals(a.annotation(), b.annotation());
    }

    private static int count(List<RowDiff> rows, Change change) {
        return (int) rows.stream().filter(r -> r.change() == change).count();
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

    private static Map<String, RuleRow> withIds(DecisionTableInfo table) {
        Map<String, RuleRow> rows = new LinkedHashMap<>();
        if (table != null) {
            table.rules().stream().filter(r -> r.id() != null).forEach(r -> rows.put(r.id(), r));
        }
        return rows;
    }

    private static List<RuleRow> withoutIds(DecisionTableInfo table) {
        return table == null ? List.of() : table.rules().stream().filter(r -> r.id() == null).toList();
    }
}
