package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.incidents.severity.console.Console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What leaves the service is safe to show: pages and audit data are never cached, framed or
 * sniffed, and pages run no inline script (CSP); a caller's text in a CSV export never opens as a
 * spreadsheet formula.
 */
@QuarkusTest
class OutputHygieneTest {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    private static void hardened(ValidatableResponse r) {
        r.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void pagesAndAuditDataAreNotCachedFramedOrSniffed() {
        String id = Console.decide("hygiene", "{\"partnerReports\":3}");
        Map<String, String> auditor = Console.signIn("auditor");
        for (String page : List.of("/ui/decisions", "/ui/decisions/" + id, "/ui/verify", "/ui/decisions/export?format=csv")) {
            var r = given().auth().none().redirects().follow(false).cookies(auditor).get(page).then().statusCode(200);
            hardened(r);
            assertEquals(1, r.extract().headers().getValues("Cache-Control").size(), page + ": one Cache-Control");
        }
        hardened(given().auth().none().get("/ui/login").then().statusCode(200));
        hardened(given().auth().none().redirects().follow(false).get("/ui/policy").then().statusCode(302));
        for (String api : List.of("/api/v1/decisions", "/api/v1/decisions/" + id, "/api/v1/decisions/export",
                "/api/v1/decisions/export?format=csv", "/api/v1/audit/verify")) {
            hardened(given().get(api).then().statusCode(200));
        }
        hardened(given().contentType(ContentType.JSON).body("{\"partnerReports\":3}").post("/api/v1/decisions")
                .then().statusCode(200));
    }

    /** The CSP admits no inline script or style: the templates have none, nor event-handler attributes. */
    @Test
    void templatesHaveNoInlineScriptOrStyle() throws Exception {
        var inline = java.util.regex.Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\sstyle=|\\son[a-z]+=|javascript:",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            List<String> found = files.filter(f -> f.toString().endsWith(".html")).flatMap(f -> {
                try {
                    return java.nio.file.Files.readAllLines(f).stream().filter(l -> inline.matcher(l).find())
                            .map(l -> f + ": " + l.strip());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), found);
        }
    }

    @Test
    void aCallersFormulaIsExportedAsText() throws Exception {
        String id = given().contentType(ContentType.JSON).header("X-Client-Id", FORMULA).body("{\"partnerReports\":3}")
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
        String csv = given().queryParam("format", "csv").queryParam("clientLabel", FORMULA)
                .get("/api/v1/decisions/export").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("decisionId").equals(id)).findFirst().orElseThrow();
        assertEquals("'" + FORMULA, row.get("clientLabel"), "the cell reads as text, not as a formula");
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertEquals(false, cell.startsWith("="), "no cell opens as a formula: " + cell);
            }
        }
        String page = given().auth().none().cookies(Console.signIn("auditor")).queryParam("format", "csv")
                .queryParam("clientLabel", FORMULA).get("/ui/decisions/export").then().statusCode(200).extract().asString();
        assertEquals(true, page.contains("'" + FORMULA.replace("\"", "\"\"")), page);
    }
}
