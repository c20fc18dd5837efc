package com.incidents.severity.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.PackagedService;

/**
 * Every launch of the service carries -XX:+ExitOnOutOfMemoryError: the image's entrypoint, compose,
 * each README command that starts the service, and the tests' own launch of the jar; and the flag
 * does what it says on this JVM (a program that runs out of heap exits with code 3).
 */
class LaunchLinesTest {

    private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    @Test
    void theImageComposeAndTestLaunchersCarryTheFlag() throws Exception {
        String entrypoint = Files.readAllLines(Path.of("Dockerfile")).stream().filter(l -> l.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        assertTrue(entrypoint.contains("exec java " + FLAG + " "), entrypoint);
        assertTrue(Files.readString(Path.of("docker-compose.yml")).contains(FLAG));
        assertEquals(FLAG, PackagedService.launch().get(1));
    }

    @Test
    void everyReadmeCommandThatStartsTheServiceCarriesTheFlag() throws Exception {
        // a java command up to its -jar (over continuation lines), unless it runs validate or --help
        Matcher m = Pattern.compile("java ((?:[^`\\n]|\\\\\\n)*?)-jar target/quarkus-app/quarkus-run.jar( validate| --help)?")
                .matcher(Files.readString(Path.of("README.md")));
        int services = 0;
        while (m.find()) {
            if (m.group(2) == null) {
                services++;
                assertTrue(m.group(1).contains(FLAG), "README starts the service without the flag: " + m.group());
            }
        }
        assertTrue(services >= 3, "found only " + services + " commands that start the service");
    }

    /**
     * The memory options (README, "Memory") are one file, read by the image's launch line and the
     * README's production commands, and every option in it is one this JVM takes.
     */
    @Test
    void theMemoryOptionsFileIsReadByTheImageAndTakenByTheJvm() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("COPY deploy/jvm.options /app/jvm.options"), "the image lacks the options file");
        assertTrue(dockerfile.contains("exec java " + FLAG + " @/app/jvm.options "), "the launch line does not read it");
        assertTrue(Files.readString(Path.of("README.md")).contains(FLAG + " @deploy/jvm.options -jar"));
        Process p = new ProcessBuilder(PackagedService.launch().get(0), "@deploy/jvm.options", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void theFlagEndsAJvmThatRunsOutOfHeap() throws Exception {
        Path source = Files.createTempDirectory("oom-").resolve("Exhaust.java");
        Files.writeString(source, "public class Exhaust { public static void main(String[] a) {"
                + " java.util.List<long[]> l = new java.util.ArrayList<>(); try { while (true) l.add(new long[1 << 20]); }"
                + " catch (OutOfMemoryError e) { System.out.println(\"survived\"); } } }");
        List<String> command = List.of(PackagedService.launch().get(0), FLAG, "-Xmx32m", source.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertFalse(out.contains("survived"), out);
    }
}
