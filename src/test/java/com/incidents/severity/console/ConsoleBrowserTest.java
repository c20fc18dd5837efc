package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The console in a real headless Chromium, on a copy of the fixture policy and a database of its
 * own: decisions made through the API are found, opened, replayed; versions are compared after a
 * reload; a candidate is previewed; verify finds an edited record. Each page is saved as a
 * screenshot at 1280 and 390 px wide under target/screenshots/.
 */
@QuarkusTest
@Tag("browser")
@TestProfile(ConsoleBrowserTest.OwnFolderAndDatabase.class)
class ConsoleBrowserTest {

    public static class OwnFolderAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/console-browser-" + System.nanoTime());
            return config;
        }
    }

    static final String MAJOR_OUTAGE = "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"capability\":\"Hosted storage\","
            + "\"incidentType\":\"OUTAGE\",\"durationMinutes\":90,\"partnerReports\":7}";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Inject
    AuditDatabase database;

    @Inject
    com.incidents.severity.webhook.service.WebhookDeliveries deliveries;

    @Inject
    com.incidents.severity.incident.MovableClock clock;

    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    private Browser browser() {
        return Browser.open(root.toString().replaceAll("/$", ""));
    }

    @Test
    void findOpenAndReplayADecision() {
        String caller = "browser-" + UUID.randomUUID();
        String id = Console.decide(caller, MAJOR_OUTAGE);
        String other = Console.decide(caller, "{\"partnerReports\":3}");
        JsonPath trace = given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().jsonPath();
        try (Browser b = browser()) {
            b.signIn("auditor");
            b.go("/ui/decisions");
            b.find("#clientLabel").sendKeys(caller);
            b.find("form.filters button[type=submit]").click();
            b.find("tr[data-decision-id='" + other + "']");
            assertEquals(2, b.all("#decisions tr[data-decision-id]").size());
            b.screenshots("decisions");

            b.find("tr[data-decision-id='" + id + "'] a").click();
            assertEquals(trace.getString("result.severity"), b.find("#outcome-severity").getText());
            assertTablesMatchTheTrace(b, trace);
            // console.js (a /ui/static file, the only script the pages' CSP admits) ran: it makes the deciding rows focusable
            assertEquals("0", b.find("table[data-table] tr[data-selected='true']").getAttribute("tabindex"),
                    "the console's script ran under Content-Security-Policy " + given().auth().none()
                            .get("/ui/login").header("Content-Security-Policy"));
            b.screenshots("decision");
            b.view("decision-tables", "table[data-table='Impact severity'] tr[data-selected='true']");

            b.find("#replay").click();
            b.find("#replay-result");
            JsonPath replay = given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200).extract().jsonPath();
            assertEquals(replay.getString("underCurrentPolicy.severity"), b.find("#replay-current-severity").getText());
            assertTrue(b.find("#replay-verdict").getText().contains("Reproducible"));
            b.screenshots("decision-replay");

            b.find("#policy-link").click();
            b.find("table[data-table]");
            b.screenshots("policy-version");
        }
    }

    /** The highlighted rows of every drawn table are exactly those the API's trace names, and they look different. */
    static void assertTablesMatchTheTrace(Browser b, JsonPath trace) {
        List<String> tables = trace.getList("trace.tables.decision");
        assertFalse(tables.isEmpty());
        for (int t = 0; t < tables.size(); t++) {
            String css = "table[data-table='" + tables.get(t) + "'] ";
            List<String> matched = trace.getList("trace.tables[" + t + "].matchedRules.ruleIndex", Integer.class)
                    .stream().map(String::valueOf).toList();
            List<String> selected = trace.getList("trace.tables[" + t + "].matchedRules.findAll { it.selected }.ruleIndex",
                    Integer.class).stream().map(String::valueOf).toList();
            assertEquals(matched, indexes(b.all(css + "tr[data-matched='true']")), tables.get(t));
            assertEquals(selected, indexes(b.all(css + "tr[data-selected='true']")), tables.get(t));
            List<WebElement> plain = b.all(css + "tbody tr:not([data-matched])");
            if (!selected.isEmpty() && !plain.isEmpty()) {
                assertNotEquals(plain.get(0).getCssValue("background-color"),
                        b.find(css + "tr[data-selected='true']").getCssValue("background-color"), tables.get(t));
            }
        }
    }

    private static List<String> indexes(List<WebElement> rows) {
        return rows.stream().map(r -> r.getAttribute("data-rule-index")).toList();
    }

    /**
     * A responder lands on the open incidents, sees the next escalation counting down, opens an
     * incident and reads its story: each decision, why it was made, the severity before and after.
     */
    @Test
    void followAnIncidentFromTheOpenIncidentsToItsTimeline() {
        String key = "BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant started = java.time.Instant.now().minus(100, java.time.temporal.ChronoUnit.MINUTES)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().contentType(io.restassured.http.ContentType.JSON).body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\","
                + "\"startedAt\":\"" + started + "\"}").put("/api/v1/incidents/" + key).then().statusCode(201);
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"partnerReports\":3}")
                .patch("/api/v1/incidents/" + key).then().statusCode(200);
        try (Browser b = browser()) {
            b.signIn("responder");
            assertTrue(b.driver().getCurrentUrl().endsWith("/ui/incidents"), b.driver().getCurrentUrl());
            b.find("tr[data-incident='" + key + "']");
            // console.js counts down to the escalation in seconds
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10)).until(d -> b
                    .find("tr[data-incident='" + key + "'] time[data-countdown]").getText().endsWith(" s"));
            b.screenshots("incidents");
            b.clickAndWaitForPage("tr[data-incident='" + key + "'] a");
            assertEquals(2, b.all("#timeline tr[data-n]").size());
            assertEquals("Opened", b.find("#timeline tr[data-n='1'] td:nth-child(3)").getText());
            assertEquals("Facts changed", b.find("#timeline tr[data-n='2'] td:nth-child(3)").getText());
            assertEquals("partnerReports", b.find("#timeline tr[data-n='2'] td:nth-child(4)").getText());
            assertTrue(b.find("#timeline tr[data-n='1'] td:nth-child(5)").getText().startsWith("none → SEV2"));
            assertTrue(b.find("#now").getText().contains("becomes SEV1"), b.find("#now").getText());
            b.screenshots("incident-timeline");
        }
    }

    /**
     * A decision client whose receiver kept failing opens the console, goes to Webhooks, reads the
     * failed delivery in words with each attempt, redelivers it, and sees it delivered.
     */
    @Test
    void redeliverAFailedWebhookFromTheWebhooksPage() throws Exception {
        try (com.incidents.severity.webhook.Receiver receiver = new com.incidents.severity.webhook.Receiver()) {
            String key = "HOOK-BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
            receiver.script("/browser", body -> body.contains("\"subject\":\"" + key + "\""), 500, 500, 500, 500, 500, 500, 500, 500);
            given().auth().preemptive().basic("client", "client").contentType(io.restassured.http.ContentType.JSON)
                    .body("{\"url\":\"" + receiver.url("/browser") + "\",\"events\":[\"com.incidents.severity.incident.severity.changed\"],"
                            + "\"secret\":\"browser-test-secret-0123\"}")
                    .post("/api/v1/subscriptions").then().statusCode(201);
            clock.set(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            given().contentType(io.restassured.http.ContentType.JSON).body("{\"partnerReports\":1}")
                    .put("/api/v1/incidents/" + key).then().statusCode(201);
            for (int i = 0; i < 8; i++) { // eight attempts, at most an hour apart: then it is given up
                deliveries.runDue();
                clock.advance(java.time.Duration.ofHours(1));
            }
            try (Browser b = browser()) {
                b.signIn("client");
                b.clickAndWaitForPage("nav a[href='/ui/subscriptions']");
                String row = "tr[data-delivery][data-state='FAILED']";
                assertTrue(b.find(row + " td:nth-child(3)").getText().startsWith("Failed after 8 attempts"),
                        b.find(row + " td:nth-child(3)").getText());
                assertEquals(8, b.all(row + " ol.attempts li").size());
                assertTrue(b.find(row + " ol.attempts li").getText().contains("Answered 500"));
                assertEquals(key, b.find(row + " td:nth-child(1)").getText());
                b.screenshots("webhooks");
                b.clickAndWaitForPage(row + " button[type=submit]");
                assertTrue(b.find("tr[data-delivery][data-state='PENDING'] td:nth-child(3)").getText()
                        .startsWith("Waiting to be sent"));
                deliveries.runDue();
                b.go("/ui/subscriptions");
                assertTrue(b.find("tr[data-delivery][data-state='DELIVERED'] td:nth-child(3)").getText().startsWith("Delivered"));
            }
        } finally {
            clock.release();
        }
    }

    @Test
    void compareTwoVersionsAfterAReload() {
        String before = given().get("/api/v1/policy").then().extract().path("version");
        Console.decide("browser-diff", PolicyEdits.SIXTEEN_REPORTS); // its version's text is now in the audit trail
        try {
            PolicyEdits.sev1Threshold(rules, 16);
            try (Browser b = browser()) {
                b.signIn("editor");
                b.go("/ui/policy");
                b.clickAndWaitForPage("#reload"); // the editor's reload, from the console
                String after = given().get("/api/v1/policy").then().extract().path("version");
                assertNotEquals(before, after);
                assertEquals(after, b.find("#policy-version").getText());
                assertTrue(b.find("#last-reload").getText().contains("true"));
                b.screenshots("policy");
                b.find("#versions a[href*='/ui/policy/diff']").click();
                b.find("[data-diff-table='Escalation severity'] td[data-changed='true']");
                assertTrue(b.all("[data-diff-table='Escalation severity'] td[data-changed='true']").stream()
                        .anyMatch(cell -> cell.getText().contains("16")), "the new threshold is highlighted");
                assertEquals(b.all("td[data-changed='true']").size(),
                        b.all("[data-diff-table='Escalation severity'] td[data-changed='true']").size(),
                        "only the Escalation severity table changed");
                assertTrue(b.driver().getCurrentUrl().contains("from=" + before));
                b.screenshots("policy-diff");
            }
        } finally {
            Fixture.putBackInForce(rules);
        }
    }

    @Test
    void previewAChangedTableAndARefusedOne() throws Exception {
        String id = Console.decide("browser-preview", "{\"capability\":\"App deployment\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}");
        Path upload = Files.createTempDirectory("upload-");
        Path dmn = Files.writeString(upload.resolve(PolicyEdits.DMN),
                PolicyEdits.c2LongOutageIsSev1(Fixture.files().text(PolicyEdits.DMN)));
        Path csv = Files.writeString(upload.resolve("capability-tables.csv"),
                PolicyEdits.c2LongOutageScenarios(Fixture.files().text("scenarios/capability-tables.csv")));
        try (Browser b = browser()) {
            b.signIn("editor");
            b.go("/ui/preview");
            b.find("#files").sendKeys(dmn.toAbsolutePath() + "\n" + csv.toAbsolutePath());
            b.find("#run-preview").click();
            b.find("#preview-report");
            assertTrue(Integer.parseInt(b.find("#changed").getText()) >= 1);
            assertTrue(b.find("#transitions").getText().contains("SEV2 SEV1"), b.find("#transitions").getText());
            b.find("#examples a[href='/ui/decisions/" + id + "']");
            b.screenshots("preview");

            b.go("/ui/preview");
            b.find("#files").sendKeys(dmn.toAbsolutePath().toString()); // the scenarios still expect SEV2
            b.find("#run-preview").click();
            b.find("#preview-refused");
            assertFalse(b.all("#preview-refused table.diagnostics tbody tr").isEmpty());
            b.screenshots("preview-refused");
        }
    }

    @Test
    void verifyShowsTheFirstEditedRecord() throws Exception {
        String caller = "browser-verify-" + UUID.randomUUID();
        Console.decide(caller, "{\"partnerReports\":3}");
        String middle = Console.decide(caller, "{\"partnerReports\":6}");
        Console.decide(caller, "{\"partnerReports\":16}");
        var ds = database.dataSource();
        String record = AuditDb.string(ds, "SELECT record FROM decision_record WHERE decision_id = ?", middle);
        try (Browser b = browser()) {
            b.signIn("auditor");
            b.go("/ui/verify");
            b.find("#verify").click();
            b.find("#verify-result[data-valid='true']");
            b.screenshots("verify");

            AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?",
                    record.replace("\"partnerReports\":6", "\"partnerReports\":2"), middle);
            b.go("/ui/verify");
            b.find("#verify").click();
            b.find("#verify-result[data-valid='false']");
            assertEquals(middle, b.find("#first-bad").getText());
            b.screenshots("verify-broken");
            b.find("#first-bad").click();
            assertTrue(b.find("pre.json").getText().contains("\"partnerReports\" : 2"), "the edited record is shown");
            b.screenshots("verify-bad-record");
        } finally {
            AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?", record, middle);
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    void tryADecisionThenReadTheCatalog() {
        try (Browser b = browser()) {
            b.go("/ui/login");
            b.screenshots("login");
            b.signIn("admin");
            b.go("/ui/try");
            new Select(b.find("#impactLevel")).selectByVisibleText("MAJOR");
            b.find("#affectedUsers").sendKeys("250000");
            new Select(b.find("#capability")).selectByVisibleText("Hosted storage");
            new Select(b.find("#incidentType")).selectByVisibleText("OUTAGE");
            b.find("#durationMinutes").sendKeys("90");
            b.find("#partnerReports").sendKeys("7", Keys.ENTER); // the keyboard submits the form
            b.find("#answer");
            String id = b.find("#answer-id").getText();
            JsonPath trace = given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("admin", trace.getString("caller"));
            assertEquals(trace.getString("result.severity"), b.find("#answer-severity").getText());
            assertTablesMatchTheTrace(b, trace);
            b.screenshots("try");
            b.find("#audit-link").click();
            b.find("#outcome-severity");

            b.go("/ui/capabilities");
            b.find("[data-tier]");
            b.screenshots("capabilities");
            b.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals("Skip to content", b.driver().switchTo().activeElement().getText());
        }
    }
}
