package com.incidents.severity.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says at start, never with the key itself, whether the console's session key is this process's own. */
@ApplicationScoped
public class SessionKeyNotice {

    private static final Logger LOG = Logger.getLogger(SessionKeyNotice.class);

    void onStart(@Observes StartupEvent start) {
        if (randomKeyInUse()) {
            LOG.warnf("No console session key is configured (%s): this process made a random one, so console"
                    + " sign-ins end at restart and are not shared with other replicas. Set one key for the whole"
                    + " deployment (32+ random characters, e.g. from a secret).", SessionKeySource.KEY);
        }
    }

    public static boolean randomKeyInUse() {
        return SessionKeySource.NAME.equals(
                ConfigProvider.getConfig().getConfigValue(SessionKeySource.KEY).getSourceName());
    }
}
