package com.incidents.severity.console.view;

import java.util.ArrayList;
import java.util.List;

import com.incidents.severity.draft.model.DraftView;

/**
 * One draft on the review page: its view (validation, impact), its changed tables drawn as a
 * version diff (each with an index unique on the page), and what the signed-in editor may do with it.
 *
 * @param own whether the signed-in editor wrote it (then they cannot approve it)
 * @param publishable whether a publish would not be refused for want of an approval
 */
public record ReviewItem(DraftView v, List<Table> tables, boolean own, boolean publishable) {

    public record Table(int index, DiffView t) {
    }

    public static ReviewItem of(DraftView v, int firstIndex, String user, boolean requireApproval) {
        List<Table> tables = new ArrayList<>();
        for (var t : v.diff() == null ? List.<com.incidents.severity.policy.service.TableDiff.TableChanges> of() : v.diff()) {
            tables.add(new Table(firstIndex + tables.size(), DiffView.of(t)));
        }
        return new ReviewItem(v, tables, v.draft().author().equals(user), !requireApproval || v.draft().approved());
    }
}
