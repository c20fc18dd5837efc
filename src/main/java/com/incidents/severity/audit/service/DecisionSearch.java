package com.incidents.severity.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.model.RecordFilter;
import com.incidents.severity.audit.model.RecordPage;
import com.incidents.severity.audit.model.RowSelection;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.problem.Problem;

/** The record search, optionally narrowed to the decisions made since a change under the rows it added or edited. */
@ApplicationScoped
public class DecisionSearch {

    @Inject
    AuditQueryService audit;

    @Inject
    ChangeHistory changes;

    @Inject
    RowSearch rows;

    /** {@code changeId} null: the plain search; else a 404 problem when no such change is recorded. */
    public RecordPage page(RecordFilter filter, String changeId, Long beforeSeq, int limit) throws Exception {
        if (changeId == null) {
            return audit.page(filter, beforeSeq, limit);
        }
        RowSelection selection = changes.selection(changeId).orElseThrow(() -> noSuchChange(changeId));
        return rows.page(filter.since(selection.since()), selection, beforeSeq, limit);
    }

    public static InvalidRequestException noSuchChange(String changeId) {
        return new InvalidRequestException(Problem.of("not-found", "No such policy change", 404,
                "No policy change " + changeId + " is recorded"));
    }
}
