package com.incidents.severity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server that a test can stop (the audit store becomes unreachable) and start
 * again on the same port and data, as an operator's database restart would.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path data;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("pg-restartable-");
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.\"h2\".active", "false",
                "quarkus.datasource.\"postgresql\".active", "true",
                "quarkus.datasource.\"postgresql\".jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.\"postgresql\".username", "postgres",
                "quarkus.datasource.\"postgresql\".password", "postgres");
    }

    /** Stops the server; its data stays. */
    public static synchronized void down() throws IOException {
        postgres.close();
    }

    /** Starts the server again on the same port and data. */
    public static synchronized void up() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
