package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The editor page in a real headless Chromium, through the Apache KIE DMN editor's own UI with the
 * mouse and keyboard (never by replacing its XML): a policy editor moves the escalation scale's
 * SEV1 threshold from 15 to 20 reports in two cells of the escalation table, sees the overlap the
 * first cell makes in plain words, then the one scenario row the move breaks, fixes that row in the
 * scenario grid and sees the report turn green, saves the draft (by the console session), reads its
 * console page (validation, impact, row diff), opens it in the editor from there, with the draft's
 * files, and saves into it again. The files the page would send (the DMN file as the
 * editor's getContent() gives it) are kept under target/editor-saved/ for the round trip.
 */
@QuarkusTest
@Tag("browser")
@TestProfile(EditorBrowserTest.OwnFolderAndDatabase.class)
class EditorBrowserTest {

    public static class OwnFolderAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/editor-browser-" + System.nanoTime());
            return config;
        }
    }

    static final Path SAVED = Path.of("target/editor-saved");

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    @Test
    void anEditorMovesAThresholdInTheDmnEditorAndFixesTheScenarioItBreaks() throws IOException {
        try (Browser browser = Browser.open(root.toString().replaceAll("/$", ""))) {
            WebDriver driver = browser.driver();
            browser.signIn("editor");
            browser.go("/ui/editor");
            waitFor(driver, d -> "accepted".equals(status(d).getAttribute("data-state")));
            assertTrue(status(driver).getText().contains("163 scenarios pass"), status(driver).getText());

            // The DMN editor: the whole diagram in view, the escalation decision opened for editing.
            driver.switchTo().frame(browser.find("#dmn-editor iframe"));
            click(driver, By.cssSelector(".react-flow__controls-fitview"));
            click(driver, By.cssSelector("[data-nodelabel='Escalation severity']"));
            click(driver, By.xpath("//*[@data-testid='rf__node-#_decision_013']//span[@class='pf-v5-c-label__text'"
                    + " and text()='Edit']"));
            editCell(driver, 4, "(5..15]", "(5..20]");
            driver.switchTo().defaultContent();
            waitFor(driver, d -> d.findElement(By.id("report-findings")).getText().contains(
                    "Rules 4 and 5 both match Partner reports more than 15 and at most 20"));
            assertEquals("refused", status(driver).getAttribute("data-state"));

            driver.switchTo().frame(browser.find("#dmn-editor iframe"));
            editCell(driver, 5, ">15", ">20");
            driver.switchTo().defaultContent();
            // the overlap is gone; the one scenario row that pins the old threshold fails
            waitFor(driver, d -> d.findElement(By.cssSelector("ul.failed-scenarios")).getText().contains(
                    "scenarios/escalation.csv: 16 partner reports alone: expected Severity SEV1, Basis ESCALATION,"
                            + " got Severity SEV2, Basis ESCALATION"));
            assertTrue(status(driver).getText().startsWith("Refused: 1 problem, 1 of 163 scenarios fail"),
                    status(driver).getText());
            assertEquals("1", browser.find("button.file[data-path='scenarios/escalation.csv'] .findings").getText());

            // The scenario grid: the broken row is marked where it is, and fixed there.
            browser.find("button.file[data-path='scenarios/escalation.csv']").click();
            String grid = "section.grid-csv[data-path='scenarios/escalation.csv'] ";
            waitFor(driver, d -> "fail".equals(row(d, grid, 7).getAttribute("data-state")));
            assertEquals("pass", row(driver, grid, 6).getAttribute("data-state"));
            WebElement expected = browser.find(grid + "input[aria-label='expectedSeverity, row 7']");
            assertEquals("SEV1", expected.getAttribute("value"));
            expected.click();
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("SEV2").perform();
            waitFor(driver, d -> "accepted".equals(status(d).getAttribute("data-state")));
            assertTrue(status(driver).getText().contains("163 scenarios pass"), status(driver).getText());
            assertEquals("pass", row(driver, grid, 7).getAttribute("data-state"));
            assertTrue(browser.find("button.file[data-path='scenarios/escalation.csv'] .findings").getAttribute("hidden")
                    != null, "the file's findings badge is gone");

            Files.createDirectories(SAVED);
            for (String path : new String[] { "incident-severity.dmn", "scenarios/escalation.csv" }) {
                String text = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                        "window.severityEditor.text(arguments[0]).then(arguments[arguments.length - 1]);", path);
                Files.writeString(SAVED.resolve(Path.of(path).getFileName()), text, StandardCharsets.UTF_8);
            }
            String dmn = Files.readString(SAVED.resolve("incident-severity.dmn"));
            assertTrue(dmn.contains("xmlns=\"https://www.omg.org/spec/DMN/20240513/MODEL/\""), "saved as DMN 1.6");
            assertTrue(dmn.contains("(5..20]") && dmn.contains("&gt;20"), "the two edited cells are saved");
            browser.view("editor", "#report-status");
            // the page's own CSP allows everything the editor does: Chromium reported no violation
            java.util.List<String> refused = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .getAll().stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy")).toList();
            assertEquals(java.util.List.of(), refused);

            // Saved as a draft, with the console's session: the draft holds both changed files, by this editor.
            browser.find("#draft-comment").sendKeys("SEV1 from 21 partner reports");
            browser.find("#save-draft").click();
            waitFor(driver, d -> !d.findElements(By.id("draft-link")).isEmpty());
            assertTrue(browser.find("#save-status").getText().contains("2 changed files"), browser.find("#save-status").getText());
            String href = browser.find("#draft-link").getAttribute("href");
            String id = href.substring(href.indexOf("?draft=") + "?draft=".length());
            given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then()
                    .statusCode(200).body("draft.author", equalTo("editor"))
                    .body("draft.comment", equalTo("SEV1 from 21 partner reports"))
                    .body("draft.files.path", containsInAnyOrder("incident-severity.dmn", "scenarios/escalation.csv"))
                    .body("validation.accepted", is(true));
            String patch = given().auth().preemptive().basic("auditor", "auditor")
                    .get("/api/v1/policy/drafts/" + id + "/patch").then().statusCode(200).extract().asString();
            assertTrue(patch.contains("+16 partner reports alone,,,,,,,,16,SEV2"), patch);

            // Its console page: validation, replay impact and the row diff of the escalation table.
            browser.find("#draft-view").click();
            waitFor(driver, d -> d.getCurrentUrl().endsWith("/ui/drafts/" + id));
            assertEquals("true", browser.find("#draft-validation").getAttribute("data-accepted"));
            assertTrue(browser.find("#draft-impact").getText().contains("Replayed"), browser.find("#draft-impact").getText());
            assertTrue(browser.find("#draft-diff").getText().contains("Escalation severity"), browser.find("#draft-diff").getText());

            // Its editor link opens the draft: its files, not the policy in force, and the check sends its changes.
            browser.find("#edit-draft").click();
            waitFor(driver, d -> d.getCurrentUrl().contains("?draft=" + id)
                    && "accepted".equals(status(d).getAttribute("data-state")));
            assertTrue(browser.find("#draft-info").getText().contains("SEV1 from 21 partner reports"),
                    browser.find("#draft-info").getText());
            browser.find("button.file[data-path='scenarios/escalation.csv']").click();
            WebElement again = browser.find(grid + "input[aria-label='expectedSeverity, row 7']");
            assertEquals("SEV2", again.getAttribute("value"), "the draft's scenario file");
            again.click();
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("SEV1").perform();
            // SEV1 fails only against the draft's DMN file, which the page has not changed: the check got it
            waitFor(driver, d -> "fail".equals(row(d, grid, 7).getAttribute("data-state")));
            browser.find("#save-draft").click();
            waitFor(driver, d -> !d.findElements(By.id("draft-link")).isEmpty());
            given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then()
                    .statusCode(200).body("draft.revision", is(2))
                    .body("draft.files.path", contains("incident-severity.dmn")) // the scenario file is the base's again
                    .body("validation.accepted", is(false));
            // and back to SEV2, so that the draft passes again (revision 3)
            again.click();
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("SEV2").perform();
            waitFor(driver, d -> "accepted".equals(status(d).getAttribute("data-state")));
            browser.find("#save-draft").click();
            waitFor(driver, d -> Integer.valueOf(3).equals(given().auth().preemptive().basic("auditor", "auditor")
                    .get("/api/v1/policy/drafts/" + id).then().extract().path("draft.revision")));

            // The sign-in ends with the page open: its check and its save say so in words (not the
            // sign-in page taken for their answer), and nothing is saved.
            driver.manage().deleteAllCookies();
            again.click();
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("SEV1").perform();
            waitFor(driver, d -> status(d).getText().startsWith("Not checked: your sign-in has ended."));
            assertEquals("/ui/login", browser.find("#report-status a.sign-in-again").getAttribute("pathname"));
            browser.find("#save-draft").click();
            waitFor(driver, d -> d.findElement(By.id("save-status")).getText().startsWith("Not saved: your sign-in has ended."));
            given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then()
                    .statusCode(200).body("draft.revision", is(3));

            reviewAndPublish(browser, id);
        }
    }

    /**
     * A second policy editor reviews the draft on the review page (its row diff, validation and
     * impact), approves it and publishes it; the new version answers decisions, the change is in the
     * history with its row diff, and an auditor sees the change named on the deciding row of a
     * decision made under it.
     */
    private static void reviewAndPublish(Browser browser, String id) {
        WebDriver driver = browser.driver();
        // still on the editor page, signed out (its requests answered 401 meanwhile set no page to return
        // to): signing in lands where an editor lands
        browser.signIn("editor2");
        assertTrue(driver.getCurrentUrl().endsWith("/ui/review"), "an editor lands on the review page: " + driver.getCurrentUrl());
        String draft = "article.review-draft[data-draft='" + id + "'] ";
        browser.screenshots("review"); // and it reads at 1280 and 390 px wide
        assertTrue(browser.find(draft + "[data-diff-table='Escalation severity']").getText().contains("(5..20]"),
                browser.find(draft + "[data-diff-table='Escalation severity']").getText());
        assertEquals("true", browser.find(draft + ".validation").getAttribute("data-accepted"));
        assertTrue(browser.find(draft + ".impact").getText().startsWith("Replayed on"), browser.find(draft + ".impact").getText());
        browser.find(draft + "textarea[name=comment]").sendKeys("Agreed: 16 to 20 reports are a SEV2");
        browser.clickAndWaitForPage(draft + "button.approve");
        assertTrue(driver.getCurrentUrl().endsWith("/ui/drafts/" + id), driver.getCurrentUrl());
        assertEquals("APPROVED", browser.find("#draft-state").getAttribute("data-state"));
        assertTrue(browser.find("#draft-events").getText().contains("approved by editor2 (revision 3): Agreed"),
                browser.find("#draft-events").getText());
        browser.clickAndWaitForPage(".draft-actions button.publish");
        String published = browser.find("#draft-published").getText();
        assertTrue(published.contains("Published by editor2") && published.contains("is in force"), published);
        String version = browser.find("#draft-published code").getAttribute("title");

        // The new version answers: 18 reports were a SEV1 under the old scale, a SEV2 under the new one.
        String decisionId = given().auth().preemptive().basic("client", "client").contentType("application/json")
                .body("{\"partnerReports\":18}").post("/api/v1/decisions").then().statusCode(200)
                .body("policyVersion", equalTo(version)).body("severity", equalTo("SEV2")).extract().path("decisionId");

        // The change, in the history with its row diff.
        browser.go("/ui/changes");
        WebElement change = browser.find("#changes tbody tr[data-kind='PUBLISH']");
        assertTrue(change.getText().contains("editor") && change.getText().contains("editor2")
                && change.getText().contains("SEV1 from 21 partner reports"), change.getText());
        String changeId = change.getAttribute("data-change-id");
        browser.clickAndWaitForPage("#changes tbody tr[data-change-id='" + changeId + "'] a");
        assertFalse(browser.all("[data-diff-table='Escalation severity'] td.cell-changed").isEmpty(),
                "the change's page shows the escalation table's changed cells");

        // The auditor's view of a decision made after the change names it on the deciding row.
        driver.manage().deleteAllCookies();
        browser.signIn("auditor");
        browser.go("/ui/decisions/" + decisionId);
        WebElement origin = browser.find("#row-origins tr[data-change-id='" + changeId + "']");
        assertEquals("Escalation severity", origin.getAttribute("data-origin-table"));
        assertTrue(origin.getText().contains("editor2") && origin.getText().contains("SEV1 from 21 partner reports"),
                origin.getText());
    }

    private static WebElement status(WebDriver driver) {
        return driver.findElement(By.id("report-status"));
    }

    private static WebElement row(WebDriver driver, String grid, int row) {
        return driver.findElement(By.cssSelector(grid + "tbody tr:nth-child(" + row + ") td.result"));
    }

    /** Selects the rule's input cell with the mouse, opens it with Enter, replaces its text and leaves it with Tab. */
    private static void editCell(WebDriver driver, int rule, String before, String after) {
        By cell = By.xpath("//tr[td[contains(@class,'row-index-column-cell')][normalize-space(.)='" + rule
                + "']]/td[contains(@class,'data-cell')][1]");
        waitFor(driver, d -> d.findElement(cell).getText().contains(before));
        click(driver, cell);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(driver, d -> d.switchTo().activeElement().getTagName().equals("textarea"));
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(after).sendKeys(Keys.TAB)
                .perform();
        waitFor(driver, d -> d.findElement(cell).getText().startsWith(after));
    }

    private static void click(WebDriver driver, By by) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void waitFor(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        // the live report re-renders as each check ends: an element found may be replaced before it is read
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
