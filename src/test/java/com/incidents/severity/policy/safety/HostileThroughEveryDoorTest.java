package com.incidents.severity.policy.safety;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.service.StoredPolicies;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.engine.model.PolicyBuildException;
import com.incidents.severity.policy.rest.WatchedReloadTest;
import com.incidents.severity.support.Hostile;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The two declarations that once ran code ({@code org.mvel2.sh.ShellSession} declared in its own
 * package, {@code java.io.FileOutputStream} declared by full name) through the doors preview and
 * validate do not cover ({@code PreviewSafetyTest}, {@code HostilePoliciesTest}): saved into the
 * watched rules folder of a running service, and stored in the audit database as a policy version
 * that an auditor's replay would build. Each is refused, the version in force keeps answering, and
 * neither leaves its marker file.
 */
@QuarkusTest
@TestProfile(WatchedReloadTest.Watched.class) // a watched copy of the fixture, as WatchedReloadTest's
class HostileThroughEveryDoorTest {

    private static final List<Path> MARKERS = List.of(Path.of("target/hostile-shell-ran"),
            Path.of("target/hostile-fos-ran"));
    private static final long WITHIN_MS = 15_000;

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Inject
    StoredPolicies stored;

    @Inject
    AuditDatabase database;

    @Inject
    ObjectMapper json;

    @BeforeEach
    @AfterEach
    void noMarkers() throws Exception {
        for (Path marker : MARKERS) {
            Files.deleteIfExists(marker);
        }
    }

    @ExpectedErrors("a hostile policy saved into the watched folder is refused")
    @ParameterizedTest
    @ValueSource(strings = { "declare-existing-class", "declare-qualified-class" })
    void savedIntoTheWatchedFolderItIsRefused(String name) throws Exception {
        String inForce = policy().getString("version");
        Map<String, byte[]> files = Hostile.files(name);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = rules.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            JsonPath view = policy();
            long deadline = System.currentTimeMillis() + WITHIN_MS;
            while (view.getBoolean("lastReload.accepted") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // polling the watcher's visible outcome, with a deadline
                view = policy();
            }
            assertFalse(view.getBoolean("lastReload.accepted"), name + ": " + view.prettify());
            assertEquals("WATCHER", view.getString("lastReload.trigger"));
            assertEquals(inForce, view.getString("version"), "the version in force stays");
            decide();
            assertNoMarker(name);
        } finally {
            for (String path : files.keySet()) {
                Files.deleteIfExists(rules.resolve(path));
            }
        }
        long deadline = System.currentTimeMillis() + WITHIN_MS;
        while (!policy().getBoolean("lastReload.accepted") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(policy().getBoolean("lastReload.accepted"), "the fixture is accepted again");
    }

    @ParameterizedTest
    @ValueSource(strings = { "declare-existing-class", "declare-qualified-class" })
    void storedAsAVersionForReplayItIsNotBuilt(String name) throws Exception {
        String version = "sha256:hostile-" + name + "-" + System.nanoTime();
        ObjectNode files = json.createObjectNode();
        Hostile.policy(name).files().forEach((path, content) -> files.put(path, new String(content, StandardCharsets.UTF_8)));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO policy_version (version, origin, files, first_used_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, version);
            s.setString(2, "written into the database by an attacker");
            s.setString(3, json.writeValueAsString(files));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        assertThrows(PolicyBuildException.class, () -> stored.engine(version), name);
        assertThrows(PolicyBuildException.class, () -> stored.policy(version), name);
        assertNoMarker(name);
    }

    private static void assertNoMarker(String name) {
        for (Path marker : MARKERS) {
            assertFalse(Files.exists(marker), name + " ran code: " + marker);
        }
    }

    private static JsonPath policy() {
        return given().auth().preemptive().basic("editor", "editor").get("/api/v1/policy").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void decide() {
        given().auth().preemptive().basic("client", "client").contentType("application/json")
                .body("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":5000}").post("/api/v1/decisions").then()
                .statusCode(200);
    }
}
