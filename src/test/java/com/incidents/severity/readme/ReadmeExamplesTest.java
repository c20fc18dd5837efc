package com.incidents.severity.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Every {@code bash} block of README.md that calls curl runs, as written, with bash and curl against
 * this started service (README's {@code localhost:8080} replaced by the test port), from the project
 * folder as a reader would. The service serves {@code rules/}, as {@code ./mvnw quarkus:dev} does,
 * so README's examples are checked on the policy they describe. Each curl must succeed (HTTP below
 * 400), and each {@code # → "path": value, ...} line after a command must hold for its answer.
 * The capability example's answer must also hold every field of the abridged answer README shows
 * below it, except those that vary from run to run (ids, instants, versions) and those left out
 * ("...").
 */
@QuarkusTest
@TestProfile(ReadmeExamplesTest.ServingRules.class)
class ReadmeExamplesTest {

    public static class ServingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // rules/ is only read (not watched); the audit trail is this test's own, so previews
            // replay only the decisions README's examples made.
            return Map.of("severity.rules.dir", "rules", "severity.reload.watch", "false",
                    "severity.audit.data-dir", "./target/readme-audit-" + System.nanoTime());
        }
    }

    private static final Path README = Path.of("README.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final String ARROW = "# → ";
    private static final char END = '\u001e';
    /** Each curl call prints its answer, then END and its exit code on a line of their own. */
    private static final String CURL = "curl() { command curl --show-error --fail-with-body \"$@\"; local rc=$?; "
            + "printf '\\n\\036%d\\n' \"$rc\"; }\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    /** One curl command of a block, with what README says of its answer. */
    private record Command(String text, String comment, JsonNode expected) {
    }

    @Test
    void everyCurlBlockOfTheReadmeAnswersAsDocumented() throws Exception {
        String readme = Files.readString(README);
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(readme);
        while (m.find()) {
            // Client generation (npx) is run, from the same served document, by clients/run in CI.
            if (m.group(1).contains("curl ") && !m.group(1).contains("npx ")) {
                blocks.add(m.group(1));
            }
        }
        assertFalse(blocks.isEmpty(), "README has bash blocks calling curl");
        int checked = 0;
        JsonNode capabilityAnswer = null;
        for (String block : blocks) {
            List<Command> commands = commands(block);
            List<String> answers = run(block);
            assertEquals(commands.size(), answers.size(), "one answer per curl command of:\n" + block);
            for (int i = 0; i < commands.size(); i++) {
                Command command = commands.get(i);
                String answer = answers.get(i);
                int rc = Integer.parseInt(answer.substring(answer.lastIndexOf(END) + 1).strip());
                String body = answer.substring(0, answer.lastIndexOf(END)).strip();
                assertEquals(0, rc, () -> "curl failed (exit " + rc + "): " + command.text + "\n" + body);
                assertFalse(body.isEmpty(), "an answer to " + command.text);
                if (command.expected != null) {
                    checkFields(command, body);
                    checked++;
                }
                if (command.comment != null && command.comment.startsWith("# Capability")) {
                    capabilityAnswer = JSON.readTree(body);
                }
            }
        }
        assertTrue(checked >= 8, "README documents the answers of its examples; checked " + checked);
        assertNotNull(capabilityAnswer, "README has a capability example (a command after '# Capability')");
        List<String> mismatches = new ArrayList<>();
        JsonNode answer = capabilityAnswer;
        contains("", abridgedAnswer(readme), answer, mismatches);
        assertTrue(mismatches.isEmpty(), () -> "README's abridged answer differs from the capability example's:\n  "
                + String.join("\n  ", mismatches) + "\nanswer: " + answer.toPrettyString());
    }

    /** The curl commands of a block (continuation lines joined), each with its comment and # → line. */
    private static List<Command> commands(String block) throws IOException {
        List<Command> commands = new ArrayList<>();
        String[] lines = block.split("\n");
        String comment = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                // A comment names the commands below it by its first line.
                if (!line.startsWith(ARROW) && (i == 0 || !lines[i - 1].startsWith("#") || lines[i - 1].startsWith(ARROW))) {
                    comment = line;
                }
                continue;
            }
            StringBuilder command = new StringBuilder(line);
            while (command.toString().endsWith("\\") && i + 1 < lines.length) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines[++i].strip());
            }
            if (!command.toString().contains("curl ")) {
                continue;
            }
            JsonNode expected = null;
            if (i + 1 < lines.length && lines[i + 1].startsWith(ARROW)) {
                String fields = lines[++i].substring(ARROW.length());
                expected = JSON.readTree("{" + fields + "}");
            }
            commands.add(new Command(command.toString(), comment, expected));
            comment = null;
        }
        return commands;
    }

    /** Runs a block with bash from the project folder; the output of each curl call, in order. */
    private List<String> run(String block) throws IOException, InterruptedException {
        String hostPort = service.getHost() + ":" + service.getPort();
        String script = "set -o pipefail\n" + CURL + block.replace("localhost:8080", hostPort);
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!bash.waitFor(60, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            fail("the block did not finish within 60 s:\n" + block + "\n" + out);
        }
        assertEquals(0, bash.exitValue(), () -> "the block failed:\n" + block + "\noutput:\n" + out);
        List<String> answers = new ArrayList<>();
        Matcher end = Pattern.compile("\\n" + END + "(\\d+)\\n").matcher(out);
        int from = 0;
        while (end.find()) {
            answers.add(out.substring(from, end.start()) + END + end.group(1));
            from = end.end();
        }
        assertTrue(out.substring(from).isBlank(), "nothing printed outside curl calls: " + out.substring(from));
        return answers;
    }

    private static void checkFields(Command command, String body) {
        JsonPath answer = new JsonPath(body);
        for (Iterator<Map.Entry<String, JsonNode>> it = command.expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            Object actual = answer.get(field.getKey());
            Object expected = JSON.convertValue(field.getValue(), Object.class);
            assertTrue(sameValue(expected, actual), () -> "README says " + field.getKey() + " is " + field.getValue()
                    + " but it is " + actual + "\ncommand: " + command.text + "\nanswer: " + body);
        }
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return e.doubleValue() == a.doubleValue();
        }
        return Objects.equals(expected, actual);
    }

    /** The first json block after the capability example: README's abridged answer. */
    private static JsonNode abridgedAnswer(String readme) throws IOException {
        int at = readme.indexOf("The capability example's answer");
        assertTrue(at >= 0, "README shows the capability example's answer");
        Matcher m = JSON_BLOCK.matcher(readme);
        assertTrue(m.find(at), "a json block follows");
        // "...": null stands for left-out fields; it is not JSON's business, so drop it before reading.
        return JSON.readTree(m.group(1));
    }

    private static final Pattern VARIES = Pattern.compile(
            ".*(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*|^sha256:.*|^[0-9a-f]{8}-[0-9a-f]{4}-.*)");

    /** Records where {@code actual} does not hold what {@code expected} shows. */
    private static void contains(String path, JsonNode expected, JsonNode actual, List<String> mismatches) {
        if (expected.isTextual()) {
            String text = expected.asText();
            if (text.equals("...") || VARIES.matcher(text).matches()) {
                return;
            }
            boolean ok = text.endsWith("...") ? actual.isTextual() && actual.asText().startsWith(text.substring(0,
                    text.length() - 3)) : actual.isTextual() && actual.asText().equals(text);
            if (!ok) {
                mismatches.add(path + ": README " + expected + ", answer " + actual);
            }
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                mismatches.add(path + ": README an object, answer " + actual);
                return;
            }
            expected.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("...")) {
                    JsonNode value = actual.get(f.getKey());
                    if (value == null) {
                        mismatches.add(path + "." + f.getKey() + ": not in the answer");
                    } else {
                        contains(path + "." + f.getKey(), f.getValue(), value, mismatches);
                    }
                }
            });
        } else if (expected.isArray()) {
            // Each element README shows is somewhere in the answer's array (README abridges and reorders).
            for (JsonNode element : expected) {
                boolean found = false;
                for (JsonNode candidate : actual) {
                    List<String> inner = new ArrayList<>();
                    contains(path + "[]", element, candidate, inner);
                    found |= inner.isEmpty();
                }
                if (!found) {
                    mismatches.add(path + "[]: README shows " + element + ", not in " + actual);
                }
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.asDouble() != actual.asDouble()) {
                mismatches.add(path + ": README " + expected + ", answer " + actual);
            }
        } else if (!expected.equals(actual)) {
            mismatches.add(path + ": README " + expected + ", answer " + actual);
        }
    }
}
