package com.incidents.severity.audit.service;

import java.util.ArrayList;
import java.util.List;

import com.incidents.severity.audit.model.ChangeRecord.ChangedRow;
import com.incidents.severity.audit.model.ChangeRecord.ChangedTable;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;
import com.incidents.severity.policy.service.TableDiff;

/** A table diff as a change record keeps it: the tables that changed, each with only its changed rows. */
final class ChangedTables {

    private ChangedTables() {
    }

    static List<ChangedTable> of(List<TableDiff.TableChanges> diff) {
        List<ChangedTable> tables = new ArrayList<>();
        for (TableDiff.TableChanges t : diff) {
            if (!t.unchanged()) {
                tables.add(table(t));
            }
        }
        return tables;
    }

    private static ChangedTable table(TableDiff.TableChanges t) {
        DecisionTableInfo shape = t.to() != null ? t.to() : t.from();
        List<String> headers = new ArrayList<>();
        shape.inputs().forEach(c -> headers.add(c.label() == null ? c.expression() : c.label()));
        headers.addAll(shape.outputs());
        headers.add("Annotation");
        List<ChangedRow> rows = new ArrayList<>();
        for (TableDiff.RowDiff r : t.rows()) {
            if (r.change() == TableDiff.Change.SAME) {
                continue;
            }
            List<String> from = cells(r.from());
            List<Integer> changed = new ArrayList<>(r.changedCells());
            if (r.annotationChanged()) {
                changed.add(headers.size() - 1);
            }
            RuleRow row = r.to() != null ? r.to() : r.from();
            rows.add(new ChangedRow(r.change().name(), row.id(), r.from() == null ? null : r.from().index(),
                    r.to() == null ? null : r.to().index(), from, cells(r.to()), changed));
        }
        int same = t.rows().size() - t.added() - t.removed() - t.changed();
        return new ChangedTable(t.key(), shape.model(), shape.decision(), t.from() == null ? null : t.from().hitPolicy(),
                t.to() == null ? null : t.to().hitPolicy(), headers, t.added(), t.removed(), t.changed(), same,
                t.to() == null, t.from() == null, rows);
    }

    private static List<String> cells(RuleRow row) {
        if (row == null) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(row.inputEntries());
        cells.addAll(row.outputEntries().values());
        cells.add(row.annotation() == null ? "" : row.annotation());
        return cells;
    }
}
