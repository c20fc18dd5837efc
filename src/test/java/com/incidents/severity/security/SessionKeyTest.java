package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.incidents.severity.console.ConsoleCsrf;
import com.incidents.severity.problem.ProblemException;

import io.quarkus.test.junit.QuarkusTest;

/**
 * With no session key configured, the console's key comes from {@link SessionKeySource} (random,
 * 256 bits, never logged) rather than from Quarkus, which would print its temporary key; and the
 * CSRF token is derived from the configured key, so replicas sharing it accept each other's forms.
 */
@QuarkusTest
class SessionKeyTest {

    @Test
    void withoutAConfiguredKeyTheProcessUsesItsOwnRandomOne() {
        var value = ConfigProvider.getConfig().getConfigValue(SessionKeySource.KEY);
        assertEquals(SessionKeySource.NAME, value.getSourceName());
        assertEquals(32, Base64.getDecoder().decode(value.getValue()).length);
        assertTrue(SessionKeyNotice.randomKeyInUse());
    }

    @Test
    void replicasGivenOneKeyAgreeOnTheFormToken() {
        ConsoleCsrf replicaA = new ConsoleCsrf("one key for the whole deployment");
        ConsoleCsrf replicaB = new ConsoleCsrf("one key for the whole deployment");
        ConsoleCsrf other = new ConsoleCsrf("another deployment's key");
        assertEquals(replicaA.token("editor"), replicaB.token("editor"));
        replicaB.check(replicaA.token("editor"), "editor");
        assertNotEquals(replicaA.token("editor"), other.token("editor"));
        assertThrows(ProblemException.class, () -> other.check(replicaA.token("editor"), "editor"));
        assertNotEquals(replicaA.token("editor"), replicaA.token("auditor"));
    }
}
