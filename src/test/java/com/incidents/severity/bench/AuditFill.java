package com.incidents.severity.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fills an audit database (already migrated by the service) with N synthetic decision records in
 * one statement, for timing filtered pages over a large trail. The rows carry no valid hashes:
 * use a throw-away database. Args: jdbc-url user password rows.
 */
public final class AuditFill {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long rows = Long.parseLong(args[3]);
        boolean postgres = url.startsWith("jdbc:postgresql");
        String range = postgres ? "generate_series(1, " + rows + ") AS g(x)" : "SYSTEM_RANGE(1, " + rows + ") AS g(x)";
        String uuid = postgres ? "md5(x::text)::uuid::text" : "RANDOM_UUID()";
        String now = postgres ? "now() - (" + rows + " - x) * interval '1 second'"
                : "DATEADD('SECOND', x - " + rows + ", CURRENT_TIMESTAMP)";
        try (Connection c = DriverManager.getConnection(url, args[1], args[2]); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM decision_record");
            s.executeUpdate("DELETE FROM decision_trace");
            s.executeUpdate("DELETE FROM policy_version");
            s.executeUpdate("INSERT INTO policy_version (version, origin, files, first_used_at) "
                    + "VALUES ('sha256:bench', 'bench', '{}', CURRENT_TIMESTAMP)");
            long start = System.nanoTime();
            s.executeUpdate("INSERT INTO decision_record (seq, decision_id, decided_at, caller, policy_version, status, "
                    + "severity, basis, capability, evaluation_micros, record, prev_hash, hash) SELECT x, " + uuid + ", "
                    + now + ", CONCAT('client:', CAST(MOD(x, 500) AS VARCHAR(10))), 'sha256:bench', 'DECIDED', "
                    + "CASE MOD(x, 4) WHEN 0 THEN 'SEV1' WHEN 1 THEN 'SEV2' WHEN 2 THEN 'SEV3' ELSE NULL END, "
                    + "CASE MOD(x, 3) WHEN 0 THEN 'IMPACT' WHEN 1 THEN 'CAPABILITY' ELSE 'ESCALATION' END, "
                    + "CASE MOD(x, 7) WHEN 0 THEN 'App UI' WHEN 1 THEN 'Hosted storage' ELSE NULL END, 100, "
                    + "'{}', REPEAT('0', 64), REPEAT('0', 64) FROM " + range);
            s.executeUpdate("UPDATE audit_chain_head SET last_seq = " + rows);
            if (postgres) {
                s.execute("ANALYZE"); // what autovacuum does after a bulk insert
            }
            System.out.printf("filled %,d records in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
    }
}
