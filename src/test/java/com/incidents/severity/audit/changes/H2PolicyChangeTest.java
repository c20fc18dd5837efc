package com.incidents.severity.audit.changes;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.console.Console;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.restassured.path.xml.XmlPath;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The change history on the embedded H2 database, in a database of its own. */
@QuarkusTest
@TestProfile(H2PolicyChangeTest.OwnDatabase.class)
class H2PolicyChangeTest extends PolicyChangeContract {

    /**
     * The console's pages: the history lists the reload in policy words, the change's page draws
     * its row diff as the version diff does and links to the decisions made under its rows, and
     * the decision's page names the change on its deciding row.
     */
    @Test
    void theConsoleShowsTheChangeItsRowDiffAndTheDecisionsUnderItsRows() {
        PolicyEdits.sev1Threshold(rules, 16);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        String changeId = latest("RELOAD").getString("changeId");
        String decision = decide();
        var auditor = Console.signIn("auditor");

        XmlPath list = html(given().cookies(auditor).get("/ui/changes?kind=RELOAD"), 200);
        assertEquals("Reloaded from the rules folder",
                list.getString("**.find { it.@'data-change-id' == '" + changeId + "' }.td[1]").strip());
        html(Console.as("editor").get("/ui/changes"), 200);
        Console.as("client").get("/ui/changes").then().statusCode(403);
        html(given().cookies(auditor).get("/ui/changes?kind=SOMETIMES"), 400);

        XmlPath change = html(given().cookies(auditor).get("/ui/changes/" + changeId), 200);
        assertEquals("RELOAD", change.getString("**.find { it.@id == 'change-kind' }.@'data-kind'"));
        assertEquals(List.of("Escalation severity"),
                change.getList("**.findAll { it.@'data-diff-table' != '' }.collect { it.@'data-diff-table'.toString() }", String.class));
        assertEquals(4, change.getInt("**.findAll { it.@'data-change' == 'changed' }.size()"), "two rows, drawn before and after");
        assertEquals(List.of("(5..15]", ">15", "(5..16]", ">16"),
                change.getList("**.findAll { it.@'data-changed' == 'true' }.collect { it.text().trim() }", String.class));
        assertEquals("/ui/decisions?change=" + changeId, change.getString("**.find { it.@id == 'decisions-since' }.@href"));
        html(given().cookies(auditor).get("/ui/changes/no-such-change"), 404);

        XmlPath under = html(given().cookies(auditor).get("/ui/decisions?change=" + changeId), 200);
        assertEquals(decision, under.getString("**.find { it.@'data-decision-id' == '" + decision + "' }.@'data-decision-id'"));
        html(given().cookies(auditor).get("/ui/decisions?change=no-such-change"), 404);

        XmlPath page = html(given().cookies(auditor).get("/ui/decisions/" + decision), 200);
        assertEquals(changeId, page.getString("**.find { it.@'data-origin-table' == 'Escalation severity' }.@'data-change-id'"));
    }

    private static XmlPath html(io.restassured.response.Response r, int status) {
        String body = r.then().statusCode(status).contentType(containsString("text/html")).extract().asString();
        return new XmlPath(XmlPath.CompatibilityMode.HTML, body);
    }

    public static class OwnDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/h2-changes-" + System.nanoTime());
            return config;
        }
    }
}
