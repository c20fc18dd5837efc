package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;

/** The console's pages as HTML: what they show, their testable markup, and readable errors. */
@QuarkusTest
class ConsolePagesTest {

    @Test
    void theDecisionPageMarksExactlyTheRowsTheTraceNames() {
        String id = Console.decide("pages-" + UUID.randomUUID(),
                "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"capability\":\"Hosted storage\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":90,\"partnerReports\":7}");
        JsonPath trace = given().get("/api/v1/decisions/" + id).then().statusCode(200).extract().jsonPath();
        List<String> decisions = trace.getList("trace.tables.decision");
        assertFalse(decisions.isEmpty());
        String html = Console.as("auditor").get("/ui/decisions/" + id).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, html);
        for (int t = 0; t < decisions.size(); t++) {
            String table = decisions.get(t);
            List<Integer> matched = trace.getList("trace.tables[" + t + "].matchedRules.ruleIndex", Integer.class);
            List<Integer> selected = trace.getList("trace.tables[" + t + "].matchedRules.findAll { it.selected }.ruleIndex",
                    Integer.class);
            assertEquals(matched.stream().map(String::valueOf).toList(), rows(page, table, "data-matched"), table);
            assertEquals(selected.stream().map(String::valueOf).toList(), rows(page, table, "data-selected"), table);
            assertFalse(rows(page, table, "data-rule-index").isEmpty(), table);
        }
        assertEquals(trace.getString("result.severity"), page.getString("**.find { it.@id == 'outcome-severity' }"));
    }

    /** The data-rule-index of the rows of table {@code table} that carry {@code attribute}="true" (every row for data-rule-index). */
    static List<String> rows(XmlPath page, String table, String attribute) {
        List<String> all = page.getList("**.find { it.@'data-table' == '" + table + "' }.tbody.tr.findAll { "
                + (attribute.equals("data-rule-index") ? "true" : "it.@'" + attribute + "' == 'true'")
                + " }.@'data-rule-index'", String.class);
        return all;
    }

    @Test
    void theSearchFiltersCountsAndExports() {
        String caller = "search-" + UUID.randomUUID();
        String one = Console.decide(caller, "{\"partnerReports\":16}");
        String two = Console.decide(caller, "{\"partnerReports\":3}");
        var auditor = Console.signIn("auditor");
        given().cookies(auditor).get("/ui/decisions?clientLabel=" + caller).then().statusCode(200)
                .body(containsString(one), containsString(two), containsString("2 matching"),
                        containsString("data-severity=\"SEV1\""), containsString("/ui/decisions/export?clientLabel="));
        given().cookies(auditor).get("/ui/decisions?clientLabel=" + caller + "&severity=SEV1")
                .then().statusCode(200).body(containsString(one), not(containsString(two)), containsString("1 matching"));
        given().cookies(auditor).get("/ui/decisions/export?format=csv&clientLabel=" + caller)
                .then().statusCode(200).contentType(containsString("text/csv")).body(containsString(one), containsString(two));
        given().cookies(auditor).get("/ui/decisions?severity=SEV9&from=yesterday").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("role=\"alert\""),
                        containsString("severity must be one of"), containsString("from must be an ISO-8601 instant"));
    }

    @Test
    void pagesFollowOneAnotherByKeyset() {
        String caller = "paging-" + UUID.randomUUID();
        String oldest = Console.decide(caller, "{\"partnerReports\":1}");
        String middle = Console.decide(caller, "{\"partnerReports\":2}");
        String newest = Console.decide(caller, "{\"partnerReports\":3}");
        var cookie = Console.signIn("auditor");
        String first = given().cookies(cookie).get("/ui/decisions?limit=2&clientLabel=" + caller)
                .then().statusCode(200).body(containsString(newest), containsString(middle), not(containsString(oldest)),
                        containsString("3 matching")).extract().asString();
        String older = new XmlPath(XmlPath.CompatibilityMode.HTML, first).getString("**.find { it.@rel == 'next' }.@href");
        given().urlEncodingEnabled(false).cookies(cookie).get(older).then().statusCode(200)
                .body(containsString(oldest), not(containsString(middle)), not(containsString("rel=\"next\"")));
    }

    @Test
    void anUnknownDecisionIsAReadable404() {
        Console.as("auditor").get("/ui/decisions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No such decision"));
        Console.as("auditor").get("/ui/decisions/not-an-id").then().statusCode(404);
    }

    @Test
    void tryDecidesRecordsAndShowsTheTables() {
        var cookie = Console.signIn("admin");
        String form = given().cookies(cookie).get("/ui/try").then().statusCode(200)
                .body(containsString("<optgroup label=\"Tier"), containsString("<label for=\"partnerReports\">"))
                .extract().asString();
        String token = new XmlPath(XmlPath.CompatibilityMode.HTML, form)
                .getString("**.find { it.@name == 'csrf-token' }.@value");
        String page = given().cookies(cookie).formParam("csrf-token", token).formParam("partnerReports", "16")
                .post("/ui/try").then().statusCode(200).body(containsString("data-table=\"Escalation severity\""))
                .extract().asString();
        String id = new XmlPath(XmlPath.CompatibilityMode.HTML, page).getString("**.find { it.@id == 'answer-id' }");
        given().get("/api/v1/decisions/" + id).then().statusCode(200).body("caller", equalTo("admin"));
        given().cookies(cookie).formParam("csrf-token", token).formParam("partnerReports", "many")
                .post("/ui/try").then().statusCode(422).body(containsString("role=\"alert\""), containsString("partnerReports"));
    }

    @Test
    void thePolicyPagesDrawEveryTable() {
        var cookie = Console.signIn("client");
        int tables = given().get("/api/v1/policy").then().statusCode(200).extract().path("tables.size()");
        String html = given().cookies(cookie).get("/ui/policy").then().statusCode(200)
                .body(containsString("incident-severity.dmn"), containsString("Last reload")).extract().asString();
        assertEquals(tables, html.split("<table class=\"rules\" data-table=", -1).length - 1);
        String version = given().get("/api/v1/policy").then().extract().path("version");
        given().cookies(cookie).get("/ui/policy/versions/" + version).then().statusCode(200)
                .body(containsString("This version is in force"));
        given().cookies(cookie).get("/ui/policy/versions/nope").then().statusCode(404)
                .body(containsString("neither in force nor stored"));
        given().cookies(cookie).get("/ui/policy/diff?from=nope&to=" + version).then().statusCode(404)
                .body(containsString("role=\"alert\""));
        given().cookies(cookie).get("/ui/capabilities").then().statusCode(200)
                .body(containsString("Hosted storage"), containsString("data-tier=\"C1\""));
    }

    @Test
    void verifyShowsTheResultAndRefusesABadWindowReadably() {
        var cookie = Console.signIn("auditor");
        given().cookies(cookie).get("/ui/verify?run=true").then().statusCode(200)
                .body(containsString("data-valid="));
        given().cookies(cookie).get("/ui/verify?run=true&from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z")
                .then().statusCode(400).body(containsString("to must be later than from"));
    }
}
