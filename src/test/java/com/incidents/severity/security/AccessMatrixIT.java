package com.incidents.severity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PackagedService;

/**
 * The access matrix on the packaged jar, its users given at run time (no rebuild); and the jar's
 * production defaults: no user at all, hashed passwords unless plain-text is set explicitly.
 */
class AccessMatrixIT {

    private static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        List<String> options = new ArrayList<>(PackagedService.TEST_USERS);
        options.add("-Dseverity.rules.dir=" + Fixture.dir().toAbsolutePath()); // the tests' policy, never rules/
        options.add("-Dseverity.reload.watch=false");
        service = PackagedService.start(Files.createTempDirectory("matrix-audit-"), PackagedService.freePort(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @TestFactory
    List<DynamicTest> everyEndpointAdmitsItsRolesOnly() {
        return AccessMatrix.tests(service.url());
    }

    @Test
    void withoutUsersGivenNoOneGetsInAndHashedPasswordsAreTheDefault() throws Exception {
        String hash = sha512Hex("alice:Quarkus:s3cret");
        try (PackagedService prod = PackagedService.start(Files.createTempDirectory("hashed-audit-"),
                PackagedService.freePort(), List.of("-Dquarkus.security.users.embedded.users.alice=" + hash,
                        "-Dquarkus.security.users.embedded.roles.alice=auditor"))) {
            var verify = new AccessMatrix.Call("GET", "/api/v1/audit/verify", null, null, Set.of(Roles.AUDITOR), 200);
            assertEquals(200, AccessMatrix.send(prod.url(), verify, "alice", "s3cret").statusCode(), prod.log());
            assertEquals(401, AccessMatrix.send(prod.url(), verify, "alice", hash).statusCode(),
                    "the stored hash is not a password");
            assertEquals(401, AccessMatrix.send(prod.url(), verify, "admin", "admin").statusCode(),
                    "the dev and test users do not exist in prod");
        }
    }

    private static String sha512Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%0128x", new BigInteger(1, digest));
    }
}
