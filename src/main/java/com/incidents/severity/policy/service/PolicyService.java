package com.incidents.severity.policy.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.incidents.severity.decision.engine.PolicyEngine;
import com.incidents.severity.policy.PolicyConfig;
import com.incidents.severity.policy.load.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.policy.model.PolicyBuildException;
import com.incidents.severity.policy.model.PolicyDiagnostic;

import io.quarkus.runtime.StartupEvent;

/**
 * Holds the policy in force. A policy that fails to build never replaces the one serving; if none
 * has ever loaded, the service stays up but not ready, and decisions answer 503.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyConfig config;

    private final AtomicReference<PolicyEngine> current = new AtomicReference<>();
    private volatile List<PolicyDiagnostic> lastErrors = List.of();

    void onStart(@Observes StartupEvent event) {
        load();
    }

    /** The policy in force, or 503 for the caller if none has loaded. */
    public PolicyEngine current() {
        PolicyEngine engine = current.get();
        if (engine == null) {
            throw new PolicyUnavailableException("No policy is loaded: " + lastErrors);
        }
        return engine;
    }

    public boolean loaded() {
        return current.get() != null;
    }

    public List<PolicyDiagnostic> lastErrors() {
        return lastErrors;
    }

    /** Reads, builds and checks the configured rules, and puts them in force if they are sound. */
    public synchronized boolean load() {
        try {
            PolicyFiles files = config.rules().dir().map(PolicyReader::fromDirectory).orElseGet(PolicyReader::packaged);
            PolicyEngine engine = new PolicyLoader(config.cache().maxEntries(), config.cache().verifySamples())
                    .load(files);
            current.set(engine);
            lastErrors = List.of();
            LOG.infof("Policy %s in force from %s (outcome cache %s)", engine.version(), files.origin(),
                    engine.cacheStatus());
            return true;
        } catch (PolicyBuildException e) {
            lastErrors = e.diagnostics();
        } catch (RuntimeException e) {
            lastErrors = List.of(PolicyDiagnostic.error(null, null, String.valueOf(e.getMessage())));
        }
        LOG.errorf("Policy refused, %s: %s", current.get() == null ? "no policy in force"
                : "keeping " + current.get().version(), lastErrors);
        return false;
    }
}
