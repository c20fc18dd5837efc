package com.incidents.severity.audit.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.ChangesConfig;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.model.ChangeKind;
import com.incidents.severity.audit.model.ChangeRecord;
import com.incidents.severity.audit.model.PolicyChangeRecorded;
import com.incidents.severity.audit.store.ChangeQueries;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.policy.model.PolicyChanged;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.policy.service.TableDiff;
import com.incidents.severity.problem.ErrorIds;

/**
 * Writes a change record into the audit chain each time a policy version is put in force, through
 * the same writer as decisions: it is in the store (committed) before the reload or publish that
 * made it returns. The version before is the one this replica had in force; at startup, the one the
 * last change record in the store put in force, so a replica starting on the version already in
 * force records a STARTUP of its own with no rows changed (see README, "Change history").
 */
@ApplicationScoped
public class ChangeRecorder {

    private static final Logger LOG = Logger.getLogger(ChangeRecorder.class);

    @Inject
    AuditConfig config;

    @Inject
    ChangesConfig changesConfig;

    @Inject
    AuditWriter writer;

    @Inject
    ChangeQueries changes;

    @Inject
    StoredPolicies stored;

    @Inject
    PolicyService policies;

    @Inject
    ObjectMapper json;

    @Inject
    Event<PolicyChangeRecorded> recorded;

    /** The tables of the version this replica put in force last, so a reload compares without building it again. */
    private volatile Versioned last;

    private record Versioned(String version, Map<String, DecisionTableInfo> tables) {
    }

    void onChange(@Observes PolicyChanged event) {
        if (!config.enabled()) {
            return;
        }
        if (event.follows()) { // another replica made this change and recorded it; this one only follows
            last = new Versioned(event.after().version(), tablesAfter(event));
            return;
        }
        String changeId = UUID.randomUUID().toString();
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS); // what both databases keep of a time
        try {
            Map<String, DecisionTableInfo> after = tablesAfter(event);
            Versioned before = last;
            last = new Versioned(event.after().version(), after);
            PolicyChanged.ChangeAuthors by = event.by() == null ? PolicyChanged.ChangeAuthors.NONE : event.by();
            Optional<ChangeQueries.StoredChange> previous = changes.last();
            String versionBefore = event.before() != null ? event.before().version()
                    : previous.map(p -> versionAfter(p.record())).orElse(null);
            ChangeRecord record = new ChangeRecord(changeId, ChangeRecord.STATUS, ChangeKind.of(event.trigger()),
                    replica(), at, by.author(), by.approver(), by.publisher(), by.draftId(), event.comment(), versionBefore, event.after().version(), event.after().origin(),
                    previous.map(ChangeQueries.StoredChange::changeId).orElse(null),
                    diff(versionBefore, before, event.after().version(), after),
                    event.impact() == null ? null : json.valueToTree(event.impact()));
            String text = json.writeValueAsString(record);
            writer.append(new AuditEntry(changeId, at, ChangeQueries.CALLER, null, event.after(),
                    ChangeRecord.STATUS, null, null, null, 0, text, null))
                    .get(config.commitTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            LOG.infof("Recorded policy change %s (%s): %s -> %s", changeId, record.kind(), versionBefore,
                    event.after().version());
            recorded.fire(new PolicyChangeRecorded(changeId, versionBefore, event.after().version(), at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ErrorIds.logged(LOG, e, "Policy change " + changeId + " to " + event.after().version() + " was not recorded");
        } catch (Exception e) { // the version is in force already: it stays, and the failure is logged loudly
            ErrorIds.logged(LOG, e, "Policy change " + changeId + " to " + event.after().version()
                    + " was not recorded in the audit chain");
        }
    }

    private Map<String, DecisionTableInfo> tablesAfter(PolicyChanged event) {
        if (policies.loaded() && policies.current().version().equals(event.after().version())) {
            return policies.current().policy().tables();
        }
        return new PolicyCompiler().compile(event.after()).tables();
    }

    /** The changed tables; null when the version before is neither known here nor stored. */
    private List<ChangeRecord.ChangedTable> diff(String versionBefore, Versioned known, String versionAfter,
            Map<String, DecisionTableInfo> after) throws Exception {
        Map<String, DecisionTableInfo> before;
        if (versionBefore == null) {
            before = Map.of();
        } else if (versionBefore.equals(versionAfter)) {
            before = after;
        } else if (known != null && known.version().equals(versionBefore)) {
            before = known.tables();
        } else {
            var policy = stored.policy(versionBefore);
            if (policy.isEmpty()) {
                return null;
            }
            before = policy.get().tables();
        }
        return ChangedTables.of(TableDiff.compare(before, after));
    }

    private String versionAfter(String record) {
        try {
            return json.readTree(record).path("versionAfter").asText(null);
        } catch (Exception e) {
            return null; // an unreadable record is verify's to report; the change is then compared with nothing known
        }
    }

    private String replica() {
        return changesConfig.replica().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown host";
            }
        });
    }
}
