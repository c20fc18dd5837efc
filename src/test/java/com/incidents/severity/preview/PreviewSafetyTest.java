package com.incidents.severity.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Hostile;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A preview never runs, fetches or writes what a candidate holds: the hostile corpus, part names and
 * zip entries outside the policy, a DOCTYPE naming a URL and XML nested 200,000 deep are each
 * refused with a 422 naming the file, and the service goes on answering.
 */
@QuarkusTest
@TestProfile(PreviewSafetyTest.OwnDatabase.class)
class PreviewSafetyTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.data-dir", "./target/preview-safety-audit-" + System.nanoTime());
        }
    }

    private static void stillAnswering() {
        given().get("/q/health/live").then().statusCode(200);
        given().contentType("application/json").body("{\"partnerReports\":1}").post("/api/v1/decisions")
                .then().statusCode(200);
    }

    private static byte[] zipOfFixtureWith(Map<String, byte[]> added) {
        Map<String, byte[]> files = new java.util.TreeMap<>(com.incidents.severity.support.Fixture.files().files());
        files.putAll(added);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    @Test
    void everyHostilePolicyIsRefusedAndTheServiceAnswers() {
        for (String name : Hostile.cases()) {
            Map<String, byte[]> files = Hostile.files(name);
            // the fixture with the hostile file added, sent whole: added files need ?replace=true
            given().contentType("application/zip").body(zipOfFixtureWith(files))
                    .post("/api/v1/policy/preview?replace=true").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/policy-refused"))
                    .body("diagnostics.file", hasItem(files.keySet().iterator().next()))
                    .body("diagnostics.rule", hasItem(containsString("line ")))
                    .body("diagnostics.message", hasItem(containsString("not allowed")));
        }
        stillAnswering();
    }

    /**
     * The FEEL that exhausted a 512 MB heap, and its variants, are refused by the FEEL rule before
     * anything evaluates them: each preview answers within seconds (its time limit is 60 s).
     */
    @Test
    void unboundedFeelIsRefusedFastAndTheServiceAnswers() {
        for (String name : List.of("feel-for-range", "feel-some-range", "feel-nested-for", "feel-recursion",
                "feel-string-join", "dmn-boxed-for", "dmn-bkm-recursion")) {
            long start = System.nanoTime();
            given().contentType("application/zip").body(zipOfFixtureWith(Hostile.files(name)))
                    .post("/api/v1/policy/preview?replace=true").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("diagnostics.file", hasItem("hostile.dmn"))
                    .body("diagnostics.message", hasItem(containsString("is not allowed")));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 10_000, name + " took " + ms + " ms to refuse");
            stillAnswering();
        }
    }

    /**
     * Bounded FEEL can still double a string from decision to decision; the candidate's scenarios
     * stop at the value-size limit, the preview answers 422 naming it, and the service answers.
     */
    @Test
    void valuesThatDoubleFromDecisionToDecisionStopAtTheSizeLimit() throws Exception {
        String dmn = Hostile.doublingChain(Files.readString(
                com.incidents.severity.support.Fixture.dir().resolve("incident-severity.dmn")), 40);
        given().multiPart("incident-severity.dmn", "incident-severity.dmn", dmn.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("diagnostics.message", hasItem(containsString("severity.evaluation.max-value-length")));
        stillAnswering();
    }

    @Test
    void partNamesOutsideThePolicyAreRefusedAndNothingIsWritten() throws Exception {
        String id = UUID.randomUUID().toString();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        List<String> names = List.of("../escaped-" + id + ".dmn", "../../escaped-" + id + ".dmn",
                tmp.resolve("absolute-" + id + ".dmn").toString(), "sub\\back-" + id + ".dmn",
                "response-targets.dmn/../../live-" + id + ".dmn");
        byte[] dmn = Files.readAllBytes(com.incidents.severity.support.Fixture.dir().resolve("response-targets.dmn"));
        for (String name : names) {
            given().multiPart(name, "candidate.dmn", dmn).post("/api/v1/policy/preview").then().statusCode(422)
                    .contentType("application/problem+json")
                    // the field is the name as received (a multipart client may escape a backslash in it)
                    .body("errors.field", hasItem(allOf(containsString(id), endsWith(name.substring(name.indexOf(id))))))
                    .body("errors.message", hasItem(containsString("is not a relative path inside the rules folder")));
        }
        for (Path dir : List.of(tmp, tmp.getParent(), Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().getParent())) {
            try (Stream<Path> walk = Files.walk(dir, 2)) {
                assertTrue(walk.noneMatch(p -> p.getFileName() != null && p.getFileName().toString().contains(id)),
                        "a file named after a part appeared under " + dir);
            } catch (java.io.UncheckedIOException unreadable) {
                // a folder we may not list holds nothing we wrote
            }
        }
        stillAnswering();
    }

    @Test
    void zipEntriesOutsideThePolicyAreRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String name : List.of("../evil.dmn", "/abs.dmn", "rules\\win.dmn", "ok/../../up.drl")) {
                out.putNextEntry(new ZipEntry(name));
                out.write("x".getBytes(StandardCharsets.UTF_8));
            }
        }
        given().contentType("application/zip").body(zip.toByteArray()).post("/api/v1/policy/preview").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("../evil.dmn", "/abs.dmn", "rules\\win.dmn", "ok/../../up.drl"));
        stillAnswering();
    }

    @Test
    void aDoctypeOrSchemaNamingAUrlIsRefusedAndNothingIsFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions SYSTEM \"" + url + "/evil.dtd\">\n"
                    + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\" id=\"_x\" name=\"x\" namespace=\"x\"/>";
            String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY % remote SYSTEM \"" + url + "/p.dtd\"> %remote;]>\n<d/>";
            String schema = "<?xml version=\"1.0\"?>\n<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x " + url + "/s.xsd\""
                    + " id=\"_x\" name=\"x\" namespace=\"x\"/>";
            given().multiPart("incident-severity.dmn", "incident-severity.dmn", doctype.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/policy/preview").then().statusCode(422)
                    .body("diagnostics.file", hasItem("incident-severity.dmn"))
                    .body("diagnostics.message", hasItem(containsString("DOCTYPE is not allowed")));
            given().multiPart("META-INF/kmodule.xml", "kmodule.xml", entity.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/policy/preview").then().statusCode(422)
                    .body("diagnostics.message", hasItem(containsString("DOCTYPE is not allowed")));
            given().multiPart("incident-severity.dmn", "incident-severity.dmn", schema.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/policy/preview").then().statusCode(422)
                    .body("diagnostics.message", hasItem(containsString("schemaLocation")));
            assertEquals(0, requests.get(), "the service fetched a URL named by a candidate");
        } finally {
            server.stop(0);
        }
        stillAnswering();
    }

    @Test
    void deeplyNestedXmlIsRefusedAtTheDepthLimit() {
        int levels = 200_000;
        StringBuilder xml = new StringBuilder(levels * 8).append("<?xml version=\"1.0\"?>\n");
        xml.append("<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\" id=\"_x\" name=\"x\" namespace=\"x\">");
        xml.append("<a>".repeat(levels)).append("</a>".repeat(levels)).append("</definitions>");
        given().multiPart("incident-severity.dmn", "incident-severity.dmn", xml.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(422)
                .body("diagnostics.message", hasItem(containsString("nested deeper than 64 levels")));
        stillAnswering();
    }
}
