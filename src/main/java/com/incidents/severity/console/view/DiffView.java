package com.incidents.severity.console.view;

import java.util.ArrayList;
import java.util.List;

import com.incidents.severity.audit.model.ChangeRecord;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;
import com.incidents.severity.policy.service.TableDiff;

/** One table of a policy diff drawn side by side: each line a row of the older and of the newer version. */
public record DiffView(String key, String decision, String fromHitPolicy, String toHitPolicy, List<String> headers,
        List<Line> lines, int added, int removed, int changed, int same, boolean unchanged, boolean onlyFrom, boolean onlyTo) {

    public record Cell(String text, boolean changed) {
    }

    public record Line(String change, Integer fromIndex, Integer toIndex, List<Cell> fromCells, List<Cell> toCells) {
    }

    public static DiffView of(TableDiff.TableChanges t) {
        DecisionTableInfo shape = t.to() != null ? t.to() : t.from();
        List<String> headers = new ArrayList<>();
        shape.inputs().forEach(c -> headers.add(c.label() == null ? c.expression() : c.label()));
        headers.addAll(shape.outputs());
        headers.add("Annotation");
        List<Line> lines = new ArrayList<>();
        for (TableDiff.RowDiff r : t.rows()) {
            if (r.change() == TableDiff.Change.SAME) {
                continue; // only what changed is drawn; the page says how many rows stayed the same
            }
            lines.add(new Line(r.change().name().toLowerCase(java.util.Locale.ROOT),
                    r.from() == null ? null : r.from().index(), r.to() == null ? null : r.to().index(),
                    cells(r.from(), r), cells(r.to(), r)));
        }
        return new DiffView(t.key(), shape.decision(), t.from() == null ? null : t.from().hitPolicy(),
                t.to() == null ? null : t.to().hitPolicy(), headers, lines, t.added(), t.removed(), t.changed(),
                t.rows().size() - t.added() - t.removed() - t.changed(), t.unchanged(), t.to() == null, t.from() == null);
    }

    /** A table of a change record's diff, drawn as a version diff is. */
    public static DiffView of(ChangeRecord.ChangedTable t) {
        List<Line> lines = new ArrayList<>();
        for (ChangeRecord.ChangedRow r : t.rows()) {
            lines.add(new Line(r.change().toLowerCase(java.util.Locale.ROOT), r.fromIndex(), r.toIndex(),
                    cells(r.fromCells(), r.changedCells()), cells(r.toCells(), r.changedCells())));
        }
        return new DiffView(t.key(), t.decision(), t.fromHitPolicy(), t.toHitPolicy(), t.headers(), lines, t.added(),
                t.removed(), t.changed(), t.same(), false, t.onlyBefore(), t.onlyAfter());
    }

    private static List<Cell> cells(List<String> texts, List<Integer> changed) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            cells.add(new Cell(texts.get(i), changed.contains(i)));
        }
        return cells;
    }

    private static List<Cell> cells(RuleRow row, TableDiff.RowDiff diff) {
        List<Cell> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        List<String> texts = new ArrayList<>(row.inputEntries());
        texts.addAll(row.outputEntries().values());
        for (int i = 0; i < texts.size(); i++) {
            cells.add(new Cell(texts.get(i), diff.changedCells().contains(i)));
        }
        cells.add(new Cell(row.annotation() == null ? "" : row.annotation(), diff.annotationChanged()));
        return cells;
    }
}
