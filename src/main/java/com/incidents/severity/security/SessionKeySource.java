package com.incidents.severity.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The console's session key when the deployment configures none: a random key made once for this
 * process, at the lowest priority, so any configured {@code quarkus.http.auth.session.encryption-key}
 * wins. Without it Quarkus would make one itself and print it in a WARN line, and a cookie minted
 * from a logged key opens the console. {@link SessionKeyNotice} says at start that this key is in
 * use, without printing it.
 */
public final class SessionKeySource implements ConfigSource {

    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    public static final String NAME = "random session key of this process";

    private static final String VALUE;

    static {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        VALUE = Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, VALUE);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? VALUE : null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return 1; // below application.properties (250), the environment (300) and -D (400)
    }
}
