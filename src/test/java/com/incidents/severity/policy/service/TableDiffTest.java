package com.incidents.severity.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.engine.model.RuleRow;
import com.incidents.severity.policy.service.TableDiff.Change;
import com.incidents.severity.policy.service.TableDiff.RowDiff;
import com.incidents.severity.policy.service.TableDiff.TableChanges;

/**
 * Rows without a rule id (a hand-written DMN may omit them) are paired by what they hold, not by
 * position: a row inserted or removed anywhere is one added or removed row, the others are the same.
 */
class TableDiffTest {

    @Test
    void aRowWithoutIdInsertedAtTheTopIsOneAddedRowAndTheOthersAreTheSame() {
        TableChanges t = diff(List.of(row("> 5", "SEV1"), row("> 2", "SEV2"), row("-", "SEV3")),
                List.of(row("> 9", "SEV0"), row("> 5", "SEV1"), row("> 2", "SEV2"), row("-", "SEV3")));
        assertEquals(List.of(1, 0, 0), List.of(t.added(), t.removed(), t.changed()));
        assertEquals(List.of(Change.ADDED, Change.SAME, Change.SAME, Change.SAME), changes(t));
        assertEquals("SEV0", t.rows().get(0).to().outputEntries().get("Severity"));
    }

    @Test
    void aRowWithoutIdRemovedFromTheMiddleIsOneRemovedRow() {
        TableChanges t = diff(List.of(row("> 5", "SEV1"), row("> 2", "SEV2"), row("-", "SEV3")),
                List.of(row("> 5", "SEV1"), row("-", "SEV3")));
        assertEquals(List.of(0, 1, 0), List.of(t.added(), t.removed(), t.changed()));
        RowDiff removed = t.rows().stream().filter(r -> r.change() == Change.REMOVED).findFirst().orElseThrow();
        assertEquals("SEV2", removed.from().outputEntries().get("Severity"));
    }

    @Test
    void aRowWithoutIdEditedInPlaceIsOneChangedRowNamingItsCell() {
        TableChanges t = diff(List.of(row("> 5", "SEV1"), row("> 2", "SEV2"), row("-", "SEV3")),
                List.of(row("> 5", "SEV1"), row("> 3", "SEV2"), row("-", "SEV3")));
        assertEquals(List.of(0, 0, 1), List.of(t.added(), t.removed(), t.changed()));
        RowDiff changed = t.rows().stream().filter(r -> r.change() == Change.CHANGED).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(0), changed.changedCells());
    }

    @Test
    void rowsWithIdsArePairedByIdWhereverTheyMove() {
        TableChanges t = diff(List.of(row("r1", "> 5", "SEV1"), row("r2", "-", "SEV3")),
                List.of(row("r2", "-", "SEV3"), row("r1", "> 5", "SEV1")));
        assertEquals(List.of(0, 0, 0), List.of(t.added(), t.removed(), t.changed()));
    }

    private static List<Change> changes(TableChanges t) {
        return t.rows().stream().map(RowDiff::change).toList();
    }

    private static TableChanges diff(List<RuleRow> from, List<RuleRow> to) {
        return TableDiff.compare(Map.of("t", table(from)), Map.of("t", table(to))).get(0);
    }

    private static DecisionTableInfo table(List<RuleRow> rows) {
        List<RuleRow> indexed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleRow r = rows.get(i);
            indexed.add(new RuleRow(i + 1, r.id(), r.inputEntries(), r.outputEntries(), r.annotation()));
        }
        return new DecisionTableInfo("m", "d", "FIRST", List.of(new DecisionTableInfo.Column("Reports", "reports")),
                List.of("Severity"), indexed);
    }

    private static RuleRow row(String input, String output) {
        return row(null, input, output);
    }

    private static RuleRow row(String id, String input, String output) {
        return new RuleRow(0, id, List.of(input), Map.of("Severity", output), null);
    }
}
