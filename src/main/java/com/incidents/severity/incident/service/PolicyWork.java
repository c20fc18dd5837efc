package com.incidents.severity.incident.service;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.audit.model.PolicyChangeRecorded;
import com.incidents.severity.incident.store.IncidentStore;
import com.incidents.severity.problem.ErrorIds;

/**
 * A policy change re-decides every open incident: once the change is recorded in the chain, each
 * open incident decided under another version gets POLICY work due at once, which the due-work
 * poller of any replica does (see {@link DueWork}), so it survives a restart and is done once.
 */
@ApplicationScoped
public class PolicyWork {

    private static final Logger LOG = Logger.getLogger(PolicyWork.class);

    @Inject
    IncidentStore store;

    void onChange(@Observes PolicyChangeRecorded change) {
        try {
            int scheduled = store.schedulePolicy(change.changeId(), change.versionAfter(), change.at());
            if (scheduled > 0) {
                LOG.infof("Policy change %s: %d open incidents are to be decided again under %s", change.changeId(),
                        scheduled, change.versionAfter());
            }
        } catch (SQLException | RuntimeException e) { // the change stands; its incidents keep their decision until their next one
            ErrorIds.logged(LOG, e, "Could not schedule the open incidents' re-decision after policy change "
                    + change.changeId());
        }
    }
}
