package com.incidents.severity.audit.service;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.model.ChangeKind;
import com.incidents.severity.audit.model.ChangePage;
import com.incidents.severity.audit.model.ChangeRecord;
import com.incidents.severity.audit.model.ChangeSummary;
import com.incidents.severity.audit.model.RowSelection;
import com.incidents.severity.audit.store.ChangeQueries;

/**
 * The change history as auditors and editors read it: pages of changes by kind, person and time,
 * and one change whole. The records are read from the chain as stored (verify is what checks them).
 */
@ApplicationScoped
public class ChangeHistory {

    /** Most change records read to fill one page filtered by kind or person. */
    static final int SCAN = 5_000;

    @Inject
    ChangeQueries queries;

    @Inject
    ObjectMapper json;

    /** A change with its place in the chain. */
    public record Change(long seq, String prevHash, String hash, ChangeRecord record) {
    }

    /** What a page is filtered by; nulls mean any. {@code person} matches the author, approver or publisher. */
    public record ChangeFilter(ChangeKind kind, String author, String person, Instant from, Instant to) {

        boolean matches(ChangeRecord r) {
            return (kind == null || kind == r.kind()) && (author == null || author.equals(r.author()))
                    && (person == null || person.equals(r.author()) || person.equals(r.approver())
                            || person.equals(r.publisher()));
        }
    }

    public ChangePage page(ChangeFilter filter, Long beforeSeq, int limit) throws SQLException {
        List<ChangeSummary> items = new ArrayList<>();
        long[] lastRead = { -1 };
        int[] read = { 0 };
        queries.newestFirst(filter.from(), filter.to(), beforeSeq, stored -> {
            read[0]++;
            lastRead[0] = stored.seq();
            ChangeRecord r = parse(stored.record());
            if (r != null && filter.matches(r)) {
                items.add(ChangeSummary.of(stored.seq(), r));
            }
            return items.size() <= limit;
        }, SCAN);
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            next = Long.toString(items.get(limit - 1).seq());
        } else if (read[0] == SCAN) { // the scan stopped before the end: carry on from where it stopped
            next = Long.toString(lastRead[0]);
        }
        return new ChangePage(List.copyOf(items), next);
    }

    public Optional<Change> find(String changeId) throws SQLException {
        return queries.find(changeId).map(this::change).filter(c -> c.record() != null);
    }

    /** The rows the change added or edited, for the search of the decisions made under them since. */
    public Optional<RowSelection> selection(String changeId) throws SQLException {
        return find(changeId).map(c -> {
            Set<String> ids = new HashSet<>();
            Set<String> positions = new HashSet<>();
            ChangeRecord r = c.record();
            for (ChangeRecord.ChangedTable t : r.tables() == null ? List.<ChangeRecord.ChangedTable> of() : r.tables()) {
                for (ChangeRecord.ChangedRow row : t.rows()) {
                    if (row.toIndex() != null && row.ruleId() != null) {
                        ids.add(RowSelection.ruleKey(t.key(), row.ruleId()));
                    } else if (row.toIndex() != null) {
                        positions.add(RowSelection.positionKey(t.key(), row.toIndex()));
                    }
                }
            }
            return new RowSelection(changeId, r.changedAt(), Set.copyOf(ids), Set.copyOf(positions), r.versionAfter());
        });
    }

    /** Every change recorded before position {@code beforeSeq}, newest first (the history is short: changes are few). */
    public List<Change> before(long beforeSeq) throws SQLException {
        List<Change> changes = new ArrayList<>();
        queries.newestFirst(null, null, beforeSeq, stored -> {
            Change c = change(stored);
            if (c.record() != null) {
                changes.add(c);
            }
            return true;
        }, Integer.MAX_VALUE);
        return changes;
    }

    private Change change(ChangeQueries.StoredChange stored) {
        return new Change(stored.seq(), stored.prevHash(), stored.hash(), parse(stored.record()));
    }

    /** Null for a record that does not read as a change (verify reports it). */
    private ChangeRecord parse(String record) {
        try {
            return json.readValue(record, ChangeRecord.class);
        } catch (Exception e) {
            return null;
        }
    }
}
