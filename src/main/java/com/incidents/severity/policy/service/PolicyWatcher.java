package com.incidents.severity.policy.service;

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

/**
 * Reloads the policy when the files in {@code severity.rules.dir} change, once they have settled
 * ({@code severity.reload.settle}). Only with a rules folder and {@code severity.reload.watch}.
 */
@ApplicationScoped
public class PolicyWatcher {

    private static final Logger LOG = Logger.getLogger(PolicyWatcher.class);

    @Inject
    PolicyConfig config;

    @Inject
    PolicyService policies;

    private volatile FolderWatcher watcher;
    private volatile boolean stopped;

    /** Whether a watcher should be running: a rules folder is served and watching is on. */
    public boolean watching() {
        return config.reload().watch() && config.rules().dir().isPresent();
    }

    /** True when watching and the watcher thread is running. */
    public boolean alive() {
        FolderWatcher w = watcher;
        return w != null && w.alive();
    }

    /**
     * Starts a new watcher if watching and the last one died (or never started), then reloads once
     * to catch up with any change made while nothing watched. True when it restarted one.
     */
    public synchronized boolean restartIfDead() {
        if (!watching() || stopped || alive()) {
            return false;
        }
        if (watcher != null) {
            watcher.close();
        }
        LOG.warnf("The policy folder watcher was not running; starting it again");
        start();
        if (alive()) {
            policies.reload(ReloadTrigger.WATCHER);
        }
        return true;
    }

    /** After the first load (which has the default priority), so the watch starts on a loaded service. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (watching()) {
            start();
        }
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
