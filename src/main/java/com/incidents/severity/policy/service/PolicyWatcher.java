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

    private FolderWatcher watcher;

    /** After the first load (which has the default priority), so the watch starts on a loaded service. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!config.reload().watch() || config.rules().dir().isEmpty()) {
            return;
        }
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
        if (watcher != null) {
            watcher.close();
        }
    }
}
