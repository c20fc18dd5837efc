package com.incidents.severity.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL server from Maven Central binaries, for the benchmark; runs until killed. Arg: port. */
public final class PostgresServer {

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).start()) {
            System.out.println("postgresql ready: " + pg.getJdbcUrl("postgres", "postgres"));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
