package com.incidents.severity.draft.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.incidents.severity.draft.model.RowConflict;

/**
 * Three-way merge of a draft onto a newer version in force: what the draft changed from its base
 * is applied to the newer version where the two touch different files, or different rows of a DMN
 * file (rows paired by rule id). The same row (or a non-DMN file, or a DMN file outside its rows)
 * changed on both sides, differently, is a conflict, named by file, table and rule id.
 */
final class Rebase {

    /** The merged files (whole policy), or the conflicts (then {@code files} is null). */
    record Result(SortedMap<String, byte[]> files, List<RowConflict> conflicts) {
    }

    private final List<RowConflict> conflicts = new ArrayList<>();

    private Rebase() {
    }

    static Result merge(Map<String, byte[]> base, Map<String, byte[]> draft, Map<String, byte[]> inForce) {
        Rebase rebase = new Rebase();
        SortedMap<String, byte[]> merged = new TreeMap<>();
        Set<String> paths = new LinkedHashSet<>(new TreeMap<>(base).keySet());
        paths.addAll(new TreeMap<>(draft).keySet());
        paths.addAll(new TreeMap<>(inForce).keySet());
        for (String path : paths) {
            byte[] file = rebase.file(path, base.get(path), draft.get(path), inForce.get(path));
            if (file != null) {
                merged.put(path, file);
            }
        }
        return rebase.conflicts.isEmpty() ? new Result(merged, List.of()) : new Result(null, rebase.conflicts);
    }

    private byte[] file(String path, byte[] base, byte[] ours, byte[] theirs) {
        if (Arrays.equals(base, ours) || Arrays.equals(ours, theirs)) {
            return theirs;
        }
        if (Arrays.equals(base, theirs)) {
            return ours;
        }
        if (path.endsWith(".dmn") && base != null && ours != null && theirs != null) {
            String merged = dmn(path, text(base), text(ours), text(theirs));
            return merged == null ? null : merged.getBytes(StandardCharsets.UTF_8);
        }
        conflicts.add(new RowConflict(path, null, null, ours == null || theirs == null
                ? "deleted on one side and changed on the other" : "changed by the draft and by the version in force"));
        return null;
    }

    /** Applies one side's row edits to the other side's text, whichever changed nothing outside the rows. */
    private String dmn(String path, String base, String ours, String theirs) {
        String outsideBase = DmnRows.outside(base);
        if (DmnRows.outside(ours).equals(outsideBase) || DmnRows.outside(ours).equals(DmnRows.outside(theirs))) {
            return apply(path, base, ours, theirs);
        }
        if (DmnRows.outside(theirs).equals(outsideBase)) {
            return apply(path, base, theirs, ours);
        }
        conflicts.add(new RowConflict(path, null, null,
                "changed outside the table rows by the draft and by the version in force"));
        return null;
    }

    /** {@code onto} with the row edits that lead from {@code base} to {@code edited}. */
    private String apply(String path, String base, String edited, String onto) {
        Map<String, DmnRows.Row> before = DmnRows.rows(base);
        Map<String, DmnRows.Row> after = DmnRows.rows(edited);
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        String text = onto;
        int found = conflicts.size();
        for (String id : ids) {
            DmnRows.Row b = before.get(id), e = after.get(id);
            DmnRows.Row o = DmnRows.rows(text).get(id);
            if (same(b, e) || same(o, e)) {
                continue;
            }
            String table = e != null ? e.table() : b.table();
            if (!same(o, b)) {
                conflicts.add(new RowConflict(path, table, id, "changed by the draft and by the version in force"));
            } else if (e == null) {
                text = text.substring(0, o.start()) + text.substring(o.end());
            } else if (b == null) {
                String placed = place(text, edited, e);
                if (placed == null) {
                    conflicts.add(new RowConflict(path, table, id, "added next to rows the version in force no longer has"));
                } else {
                    text = placed;
                }
            } else {
                text = text.substring(0, o.elementStart()) + e.element() + text.substring(o.end());
            }
        }
        return conflicts.size() == found ? text : null;
    }

    /** Inserts an added row after the row before it in {@code edited} (or before the one after it), if {@code text} has that row in the same table. */
    private static String place(String text, String edited, DmnRows.Row added) {
        List<DmnRows.Row> order = new ArrayList<>(DmnRows.rows(edited).values());
        Map<String, DmnRows.Row> rows = DmnRows.rows(text);
        int at = order.indexOf(added);
        for (int i = at - 1; i >= 0; i--) {
            DmnRows.Row anchor = rows.get(order.get(i).id());
            if (anchor != null && Objects.equals(anchor.table(), added.table())) {
                return text.substring(0, anchor.end()) + added.space() + added.element() + text.substring(anchor.end());
            }
        }
        for (int i = at + 1; i < order.size(); i++) {
            DmnRows.Row anchor = rows.get(order.get(i).id());
            if (anchor != null && Objects.equals(anchor.table(), added.table())) {
                return text.substring(0, anchor.start()) + added.space() + added.element() + text.substring(anchor.start());
            }
        }
        return null;
    }

    private static boolean same(DmnRows.Row a, DmnRows.Row b) {
        return a == null ? b == null : b != null && a.element().equals(b.element());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
