package com.incidents.severity.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code app.jar}, target/quarkus-app/quarkus-run.jar) started as a process on
 * a free port, with its users given at run time as an operator would:
 * {@code -Dquarkus.security.users.embedded.users.<name>=<password>} and {@code ...roles.<name>=...}.
 */
public final class PackagedService implements AutoCloseable {

    /** The test users, in plain text: each role's user holds that role only, admin all three, nobody none. */
    public static final List<String> TEST_USERS = List.of(
            "-Dquarkus.security.users.embedded.plain-text=true",
            "-Dquarkus.security.users.embedded.users.client=client",
            "-Dquarkus.security.users.embedded.roles.client=decision-client",
            "-Dquarkus.security.users.embedded.users.editor=editor",
            "-Dquarkus.security.users.embedded.roles.editor=policy-editor",
            "-Dquarkus.security.users.embedded.users.auditor=auditor",
            "-Dquarkus.security.users.embedded.roles.auditor=auditor",
            "-Dquarkus.security.users.embedded.users.admin=admin",
            "-Dquarkus.security.users.embedded.roles.admin=decision-client,policy-editor,auditor,incident-responder",
            "-Dquarkus.security.users.embedded.users.responder=responder",
            "-Dquarkus.security.users.embedded.roles.responder=incident-responder",
            "-Dquarkus.security.users.embedded.users.nobody=nobody",
            // the access matrix sends a wrong password to every endpoint from one address, on purpose
            "-Dseverity.security.sign-in.max-failures-per-user=100000",
            "-Dseverity.security.sign-in.max-failures-per-address=100000");

    /**
     * The start of the jar's launch line, as the image (Dockerfile), compose and the README give it:
     * the JVM, then {@code -XX:+ExitOnOutOfMemoryError}, so that an OutOfMemoryError anywhere stops
     * the process instead of leaving it up and deaf. Every test that starts the jar starts it so.
     */
    public static List<String> launch() {
        return List.of(ProcessHandle.current().info().command().orElse("java"), EXIT_ON_OOM);
    }

    public static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    public final int port;

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Starts the jar with {@code options} (-D...) on {@code port} with its audit under {@code data}; waits until ready. */
    public static PackagedService start(Path data, int port, List<String> options) throws Exception {
        File jar = new File(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(jar.exists(), "run ./mvnw verify so that the packaged service exists");
        List<String> command = new ArrayList<>(launch());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dseverity.audit.data-dir=" + data.toAbsolutePath()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.getAbsolutePath()));
        Path log = data.resolve("service-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return new PackagedService(p, log, port);
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("the service did not become ready: " + Files.readString(log));
    }

    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The exit code once the process has ended within {@code wait}; empty while it still runs. */
    public java.util.OptionalInt exitCode(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    public String log() throws Exception {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
