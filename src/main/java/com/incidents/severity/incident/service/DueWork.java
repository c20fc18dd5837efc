package com.incidents.severity.incident.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.incident.IncidentsConfig;
import com.incidents.severity.incident.model.Due;
import com.incidents.severity.incident.store.IncidentStore;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Time passing by itself: every {@code severity.incidents.poll-interval}, each replica claims the
 * work that has fallen due (see {@link IncidentStore#claim}) and has the engine decide each incident
 * again at that instant. Due work is stored, so what fell due while the service was down is done
 * at the first look after start, and its decision records how late it was.
 */
@ApplicationScoped
public class DueWork {

    private static final Logger LOG = Logger.getLogger(DueWork.class);

    @Inject
    IncidentStore store;

    @Inject
    IncidentService incidents;

    @Inject
    IncidentsConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${severity.incidents.poll-interval}", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            runDue();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not do the incidents' due work now (%s); the next look tries again", e.getClass().getSimpleName());
        }
    }

    /** Does every piece of work due now, batch after batch; answers how many decisions were recorded. */
    public int runDue() throws SQLException {
        int decided = 0;
        List<Due> claimed;
        do {
            claimed = store.claim(clock.instant(), config.claimBatch(), config.lease());
            if (!claimed.isEmpty() && !incidents.followsDeployment()) {
                for (Due work : claimed) { // for the others; this replica follows in a moment (ReplicaSync)
                    store.release(work);
                }
                return decided;
            }
            List<CompletableFuture<Boolean>> done = new ArrayList<>(claimed.size());
            for (Due work : claimed) {
                try {
                    done.add(incidents.due(work));
                } catch (RuntimeException e) {
                    LOG.warnf("Due work %s of incident %s failed (%s); it is claimed again after its lease",
                            work.kind(), work.key(), e.getMessage());
                }
            }
            for (CompletableFuture<Boolean> d : done) {
                try {
                    decided += d.join() ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warnf("Due work failed (%s); it is claimed again after its lease", e.getMessage());
                }
            }
        } while (claimed.size() == config.claimBatch());
        return decided;
    }
}
