package com.incidents.severity.draft;

import static com.incidents.severity.draft.Drafts.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyCopy;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A publish where the rules folder cannot be written (made immutable with chattr +i, which holds
 * for root too; chmod where chattr is missing): the version goes in force from the database all
 * the same, the folder is untouched, and the draft's zip and patch carry the change to git
 * ({@code git apply} of the patch on the folder gives the version in force).
 */
@QuarkusTest
@TestProfile(ReadOnlyFolderPublishTest.OwnCopyAndDatabase.class)
class ReadOnlyFolderPublishTest {

    public static class OwnCopyAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/read-only-publish-audit-" + System.nanoTime());
            return config;
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path folder;

    /** Made read-only once the service has read it, for the length of the test. */
    @BeforeEach
    void lock() throws Exception {
        if (new ProcessBuilder("chattr", "+i", folder.toString()).inheritIO().start().waitFor() != 0) {
            folder.toFile().setWritable(false, false);
        }
    }

    @AfterEach
    void unlock() throws Exception {
        new ProcessBuilder("chattr", "-i", folder.toString()).inheritIO().start().waitFor();
        folder.toFile().setWritable(true, false);
    }

    @Inject
    AuditDatabase database;

    @Test
    void aPublishIntoAReadOnlyFolderIsInForceFromTheDatabaseAndOffersZipAndPatch() throws Exception {
        Assumptions.assumeFalse(writable(folder), "the folder could not be made read-only here");
        String id = create("C2 outages over 5 hours are SEV1",
                Map.of(PolicyEdits.DMN, c2Dmn(), CAPABILITY_CSV, c2Scenarios()));
        review(id, "approve", "editor").statusCode(200);
        String version = publish(id).statusCode(200).body("folderWritten", is(false))
                .body("folderProblem", containsString("cannot be written"))
                .body("zip", equalTo("/api/v1/policy/drafts/" + id + "/zip"))
                .body("patch", equalTo("/api/v1/policy/drafts/" + id + "/patch")).extract().path("version");
        assertEquals(version, inForce());
        assertEquals("SEV1", severity(C2_LONG_OUTAGE));
        assertEquals(Fixture.files().version(), PolicyReader.fromDirectory(folder).version(), "the folder is untouched");
        assertTrue(storedInTheDatabase(version), "the version's files are in the database for the other replicas");
        given().get("/api/v1/policy/drafts/" + id).then().body("exports.patch", equalTo("/api/v1/policy/drafts/" + id + "/patch"));

        byte[] zip = given().get("/api/v1/policy/drafts/" + id + "/zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(java.util.Set.of(PolicyEdits.DMN, CAPABILITY_CSV), entries.keySet());
        assertArrayEquals(c2Dmn(), entries.get(PolicyEdits.DMN));

        String patch = given().get("/api/v1/policy/drafts/" + id + "/patch").then().statusCode(200).extract().asString();
        Path checkout = PolicyCopy.of(Fixture.dir());
        Path file = Files.createTempFile("draft-", ".patch");
        Files.writeString(file, patch);
        // the team's git repository of rules/ (its own: the copy lies inside this project's repository)
        assertEquals(0, new ProcessBuilder("git", "init", "-q").directory(checkout.toFile()).start().waitFor());
        Process apply = new ProcessBuilder("git", "apply", file.toString()).directory(checkout.toFile())
                .redirectErrorStream(true).start();
        String out = new String(apply.getInputStream().readAllBytes());
        assertEquals(0, apply.waitFor(), out);
        assertEquals(version, PolicyReader.fromDirectory(checkout).version(), "the patch applied gives the version in force");
    }

    private boolean storedInTheDatabase(String version) throws Exception {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM policy_publication p JOIN policy_files f"
                        + " ON f.version = p.version WHERE p.version = ?")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
