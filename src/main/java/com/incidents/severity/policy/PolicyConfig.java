package com.incidents.severity.policy;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the policy comes from and how decisions on it are served. */
@ConfigMapping(prefix = "severity")
public interface PolicyConfig {

    Rules rules();

    Cache cache();

    interface Rules {
        /**
         * Folder holding the KIE module (DMN, DRL, META-INF/kmodule.xml). Unset: the copy of
         * {@code rules/} packaged into the application. Env: {@code SEVERITY_RULES_DIR}.
         */
        Optional<Path> dir();
    }

    interface Cache {
        /**
         * Engine outcomes kept per class of equivalent inputs (see README, "How decisions stay
         * fast"). 0 turns the cache off: every decision is evaluated by the engine.
         */
        @WithDefault("100000")
        long maxEntries();

        /** Random input samples checked against the engine when a policy is loaded. */
        @WithDefault("200")
        int verifySamples();
    }
}
