package com.incidents.severity.policy.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.load.PolicyReader;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyCopy;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The watched rules folder replaced as a whole, as {@code git checkout} of another branch or a
 * deploy's folder swap does: the new folder's policy goes in force with no reload request, and the
 * watcher then watches the new folder (not the old one it had registered, nor nothing).
 */
@ExpectedErrors("the folder is missing for a moment, so a reload may find no policy")
@QuarkusTest
@TestProfile(ReplacedRulesFolderTest.Watched.class)
class ReplacedRulesFolderTest {

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", Fixture.copy().toString(), "severity.reload.watch", "true",
                    "severity.reload.restart-after", "1s",
                    "severity.audit.data-dir", "./target/replaced-folder-" + System.nanoTime());
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Inject
    PolicyService policies;

    @Inject
    PolicyWatcher watcher;

    @Test
    void aFolderMovedAwayAndReplacedByAnotherGoesInForceAndIsWatched() throws Exception {
        Path next = PolicyCopy.of(Fixture.dir());
        PolicyEdits.sev1Threshold(next, 16);
        Files.move(rules, rules.resolveSibling(rules.getFileName() + "-moved-" + System.nanoTime()));
        Files.move(next, rules);

        awaitInForce(PolicyReader.fromDirectory(rules).version());
        PolicyEdits.sev1Threshold(rules, 17); // and an edit in the new folder is seen too
        awaitInForce(PolicyReader.fromDirectory(rules).version());
        assertTrue(watcher.alive());
    }

    @Test
    void aFolderDeletedAndCreatedAgainGoesInForceAndIsWatched() throws Exception {
        Path next = PolicyCopy.of(Fixture.dir());
        PolicyEdits.sev1Threshold(next, 18);
        delete(rules);
        Files.move(next, rules);

        awaitInForce(PolicyReader.fromDirectory(rules).version());
        PolicyEdits.sev1Threshold(rules, 19);
        awaitInForce(PolicyReader.fromDirectory(rules).version());
        assertTrue(watcher.alive());
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void awaitInForce(String version) throws InterruptedException {
        BooleanSupplier inForce = () -> version.equals(policies.current().version());
        long deadline = System.currentTimeMillis() + 15_000;
        while (!inForce.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50); // polling the policy in force with a deadline
        }
        assertEquals(version, policies.current().version(), "the new folder's policy is in force");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
