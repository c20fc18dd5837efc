package com.incidents.severity.policy.service;

import java.nio.file.Files;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.policy.model.ReloadTrigger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Reloads the policy when the files in {@code severity.rules.dir} change, once they have settled
 * ({@code severity.reload.settle}). Only with a rules folder and {@code severity.reload.watch}. It
 * supervises its watcher itself (see {@link #supervise}).
 */
@ApplicationScoped
public class PolicyWatcher {

    private static final Logger LOG = Logger.getLogger(PolicyWatcher.class);

    @Inject
    PolicyConfig config;

    @Inject
    PolicyService policies;

    private volatile FolderWatcher watcher;
    private volatile boolean started;
    private volatile boolean seenDown;
    private volatile boolean stopped;

    /** Whether a watcher should be running: a rules folder is served and watching is on. */
    public boolean watching() {
        return config.reload().watch() && config.rules().dir().isPresent();
    }

    /** True when watching, the watcher thread is running and it watches the folder now at the rules path. */
    public boolean alive() {
        FolderWatcher w = watcher;
        return w != null && w.alive() && w.watchesCurrentFolder();
    }

    /**
     * The watcher's supervisor, every {@code severity.reload.restart-after}: a watcher found dead
     * or deaf at two checks in a row is started again (health only reports it).
     */
    @Scheduled(every = "${severity.reload.restart-after}", concurrentExecution = ConcurrentExecution.SKIP)
    void supervise() {
        boolean down = started && watching() && !alive();
        if (down && seenDown) {
            restartIfDead();
        }
        seenDown = down && !alive();
    }

    /**
     * Starts a new watcher if watching and the last one died, never started or watches a folder
     * that is no longer at the rules path (one replaced as a whole), then reloads once to catch up
     * with any change made while nothing watched. True when it restarted one. While no folder is at
     * the path there is nothing to watch: the policy in force stays, and it waits for one.
     */
    synchronized boolean restartIfDead() {
        if (!started || !watching() || stopped || alive() || !Files.isDirectory(config.rules().dir().get())) {
            return false;
        }
        FolderWatcher old = watcher;
        if (old != null) {
            old.close();
        }
        LOG.warnf("The policy folder watcher of %s had stopped, or watched a folder no longer there (one replaced "
                + "as a whole); watching it again", config.rules().dir().get());
        start();
        if (alive()) {
            policies.reload(ReloadTrigger.WATCHER);
        }
        return true;
    }

    /** After the first load (which has the default priority), so the watch starts on a loaded service. */
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (watching()) {
            start();
        }
        started = true; // from now on the supervisor looks after it
    }

    private void start() {
        var dir = config.rules().dir().get();
        try {
            watcher = FolderWatcher.start(dir, config.reload().settle(), () -> policies.reload(ReloadTrigger.WATCHER));
            LOG.infof("Watching %s for policy changes (settle %d ms)", dir.toAbsolutePath(),
                    config.reload().settle().toMillis());
        } catch (RuntimeException e) {
            LOG.errorf("Cannot watch %s for policy changes; POST /api/v1/policy/reload still reloads it: %s", dir,
                    e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (watcher != null) {
            watcher.close();
        }
    }
}
