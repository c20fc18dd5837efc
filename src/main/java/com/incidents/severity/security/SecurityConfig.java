package com.incidents.severity.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Access control beyond the roles themselves: metrics, browser origins, the per-client rate limit. */
@ConfigMapping(prefix = "severity.security")
public interface SecurityConfig {

    /** The role /q/metrics requires; unset or empty: metrics are open. */
    Optional<String> metricsRole();

    /**
     * Origins (scheme://host[:port]) besides the service's own whose browsers may send POST, PUT,
     * PATCH or DELETE; unset: only the service's own origin.
     */
    Optional<List<String>> allowedOrigins();

    RateLimit rateLimit();

    SignIn signIn();

    Session session();

    /** Identities proved by a password, kept for a short time (see {@link PasswordIdentities}). */
    IdentityCache identityCache();

    /** How long a right user name and password stay proved without asking the realm again. */
    interface IdentityCache {

        /**
         * How long an identity proved by a password is reused for the same user name and password
         * (never for another password); 0 asks the realm on every call. A user changed or removed
         * in the realm keeps its access at most this long.
         */
        @WithDefault("10s")
        Duration ttl();

        /** Most identities kept at once. */
        @WithDefault("10000")
        int maxEntries();
    }

    /** A console sign-in (a row of console_session, shared by every replica). */
    interface Session {

        /** How long a sign-in lasts at most, however busy; the form's own idle timeout ends it sooner. */
        @WithDefault("8h")
        Duration lifetime();
    }

    /** Failed sign-ins (a wrong Basic password, a refused sign-in form) allowed before a 429. */
    interface SignIn {

        /** Failures per user name within the window. */
        @WithDefault("10")
        int maxFailuresPerUser();

        /** Failures per remote address within the window. */
        @WithDefault("30")
        int maxFailuresPerAddress();

        /** How long a failure counts; the refusal lasts until the oldest counted failure is this old. */
        @WithDefault("15m")
        Duration window();
    }

    /** Requests per client (the authenticated principal, else the remote address) to /api/. */
    interface RateLimit {

        /** Off: no limit at all. */
        @WithDefault("true")
        boolean enabled();

        /** Requests refilled each period. */
        @WithDefault("100000")
        long requests();

        @WithDefault("1s")
        Duration period();

        /** Requests a client may send at once, beyond the steady rate (the bucket's size). */
        @WithDefault("200000")
        long burst();
    }
}
