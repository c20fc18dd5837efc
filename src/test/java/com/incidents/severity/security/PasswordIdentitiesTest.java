package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * A proved user name and password is answered without the blocking realm for a short time, and
 * only that exact pair: the realm (the embedded users of %test) still refuses every wrong password,
 * and roles are the realm's. The throttle's count of wrong passwords after a proved pair is in
 * {@link SignInThrottleTest}.
 */
@QuarkusTest
class PasswordIdentitiesTest {

    @Inject
    io.quarkus.elytron.security.runtime.ElytronPasswordIdentityProvider realm;

    @Inject
    SecurityConfig config;

    @Inject
    PasswordIdentities service;

    /** Counts the calls that go to a worker thread (the realm's blocking check). */
    static final class CountingContext implements AuthenticationRequestContext {
        final AtomicInteger blocking = new AtomicInteger();

        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            blocking.incrementAndGet();
            return Uni.createFrom().item(function);
        }
    }

    private static UsernamePasswordAuthenticationRequest pair(String user, String password) {
        return new UsernamePasswordAuthenticationRequest(user, new PasswordCredential(password.toCharArray()));
    }

    @Test
    void aProvedPairSkipsTheRealmAndAWrongPasswordNeverDoes() {
        // a cache of its own, over the service's realm and settings: other tests of this started
        // service may have proved the same pair moments ago
        PasswordIdentities identities = new PasswordIdentities(realm, config);
        CountingContext context = new CountingContext();
        SecurityIdentity first = identities.authenticate(pair("auditor", "auditor"), context).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, context.blocking.get(), "the first check is the realm's");
        SecurityIdentity again = identities.authenticate(pair("auditor", "auditor"), context).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, context.blocking.get(), "the same pair again: no worker thread");
        assertEquals("auditor", again.getPrincipal().getName());
        assertEquals(first.getRoles(), again.getRoles());
        assertEquals(Set.of(Roles.AUDITOR), again.getRoles());
        assertEquals("auditor", new String(again.getCredential(PasswordCredential.class).getPassword()));

        for (String wrong : new String[] { "auditor ", "Auditor", "", "editor" }) {
            Uni<SecurityIdentity> refused = identities.authenticate(pair("auditor", wrong), context);
            Throwable failure = assertThrows(RuntimeException.class, () -> refused.await().atMost(Duration.ofSeconds(10)));
            assertInstanceOf(AuthenticationFailedException.class, failure, wrong);
        }
        assertEquals(5, context.blocking.get(), "every wrong password went to the realm");
        // another user's right password is not this user's
        Uni<SecurityIdentity> crossed = identities.authenticate(pair("editor", "auditor"), context);
        assertThrows(AuthenticationFailedException.class, () -> crossed.await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void theCacheIsKeyedByAKeyedDigestNeverByThePassword() {
        given().auth().preemptive().basic("admin", "admin").get("/api/v1/ping").then().statusCode(200);
        String key = service.digest("admin", "admin".toCharArray());
        assertTrue(service.keys().contains(key), "the proved pair is kept under its digest");
        for (String k : service.keys()) {
            assertFalse(k.contains("admin") || k.contains("client") || k.contains("editor") || k.contains("auditor"), k);
        }
        byte[] plain = "admin:admin".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(Base64.getEncoder().encodeToString(plain), key);
        assertNotEquals(HexFormat.of().formatHex(plain), key);
        assertNotEquals(service.digest("admin", "admin2".toCharArray()), key);
        assertNotEquals(service.digest("admin2", "admin".toCharArray()), key);
        // user and password are separated: "ad" + "minadmin" is another pair than "admin" + "admin"
        assertNotEquals(service.digest("ad", "minadmin".toCharArray()), service.digest("admin", "admin".toCharArray()));
    }

    @Test
    void overHttpRolesStayTheRealmsAndAWrongPasswordIsRefusedBesideAProvedOne() {
        for (int i = 0; i < 3; i++) { // the first call proves the pair; the others are answered from it
            given().auth().preemptive().basic("client", "client").get("/api/v1/ping").then().statusCode(200);
            given().auth().preemptive().basic("editor", "editor").get("/api/v1/ping").then().statusCode(403);
            given().auth().preemptive().basic("editor", "editor").get("/api/v1/policy").then().statusCode(200);
            given().auth().preemptive().basic("client", "client").get("/api/v1/decisions").then().statusCode(403);
            given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/decisions").then().statusCode(200);
            given().auth().preemptive().basic("client", "wrong").get("/api/v1/ping").then().statusCode(401);
            given().auth().preemptive().basic("nobody", "nobody").get("/api/v1/ping").then().statusCode(403);
            given().auth().preemptive().basic("ghost", "client").get("/api/v1/ping").then().statusCode(401);
        }
    }
}
