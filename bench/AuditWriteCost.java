import java.nio.file.*;
import java.sql.*;
import java.util.*;

/**
 * CPU and wall time per audit record of the writer's SQL on an embedded H2 file with the service's schema
 * (the migrations), plain JDBC, groups of 16 as at 16 connections, a 900-byte record and a 2,500-byte
 * trace of its own per record (new facts). Modes: select = before 3042b72 (statements prepared for each
 * group, a lookup and an insert per trace); merge = now (kept statements, one batched MERGE per group);
 * none = no trace stored; inrow = the trace appended to the record row instead (a design not built);
 * seq = each new trace appended to a table of traces keyed by the seq of the record that first carries it,
 * with no index on its hash (records point to it by that seq).
 *   java -cp target/quarkus-app/lib/main/com.h2database.h2-*.jar bench/AuditWriteCost.java MODE "" 12000 16 [noindex]
 */
public class AuditWriteCost {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("awb");
        String url = "jdbc:h2:file:" + dir + "/audit;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + a[1];
        String mode = a[0]; int n = Integer.parseInt(a[2]); int group = Integer.parseInt(a[3]);
        boolean noIndex = a.length > 4 && a[4].equals("noindex");
        Connection c = DriverManager.getConnection(url, "severity", "");
        try (Statement s = c.createStatement()) {
            for (Path f : new TreeSet<>(listSql())) {
                for (String sql : Files.readString(f).replaceAll("(?m)--.*$", "").split(";")) {
                    if (sql.isBlank()) continue;
                    if (noIndex && sql.contains("CREATE INDEX")) continue;
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO policy_version VALUES ('v1', 'o', '{}', CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE IF NOT EXISTS bench_trace_seq (trace_seq BIGINT PRIMARY KEY, hash CHAR(64) NOT NULL, trace VARCHAR(1000000) NOT NULL)");
        }
        c.setAutoCommit(false);
        Random r = new Random(42);
        String[] caps = {"App UI", "hosted storage", "Webtriggers", "App deployment", "App logging", "Search apps", "Churn reports", "Request apps", "Manage apps", "Async events", null};
        String[] sevs = {"SEV1", "SEV2", "SEV3", "SEV4"};
        long seq = 0; String hash = "0".repeat(64);
        long t0 = 0, cpu0 = 0; int warm = n / 3;
        PreparedStatement ins = c.prepareStatement("INSERT INTO decision_record (seq, decision_id, decided_at, caller, policy_version, status, severity, basis, capability, evaluation_micros, record, prev_hash, hash, client_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement find = c.prepareStatement("SELECT 1 FROM decision_trace WHERE hash = ?");
        PreparedStatement tins = c.prepareStatement("INSERT INTO decision_trace (hash, trace) VALUES (?, ?)");
        PreparedStatement merge = c.prepareStatement("MERGE INTO decision_trace (hash, trace) KEY (hash) VALUES (?, ?)");
        PreparedStatement seqIns = c.prepareStatement("INSERT INTO bench_trace_seq (trace_seq, hash, trace) VALUES (?, ?, ?)");
        PreparedStatement head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        PreparedStatement upd = c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1");
        for (int done = 0; done < n; done += group) {
            if (done >= warm && t0 == 0) { t0 = System.nanoTime(); cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
            boolean old = mode.equals("select");
            if (old) { head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE"); ins = c.prepareStatement("INSERT INTO decision_record (seq, decision_id, decided_at, caller, policy_version, status, severity, basis, capability, evaluation_micros, record, prev_hash, hash, client_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"); upd = c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1"); }
            try (ResultSet rs = head.executeQuery()) { rs.next(); }
            for (int i = 0; i < group; i++) {
                String th = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
                String trace = text(r, 2500);
                if (mode.equals("select")) {
                    find = c.prepareStatement("SELECT 1 FROM decision_trace WHERE hash = ?"); tins = c.prepareStatement("INSERT INTO decision_trace (hash, trace) VALUES (?, ?)");
                    find.setString(1, th);
                    try (ResultSet rs = find.executeQuery()) { rs.next(); }
                    tins.setString(1, th); tins.setString(2, trace); tins.executeUpdate();
                } else if (mode.equals("merge")) {
                    merge.setString(1, th); merge.setString(2, trace); merge.addBatch();
                } else if (mode.equals("seq")) {
                    seqIns.setLong(1, seq + i + 1); seqIns.setString(2, th); seqIns.setString(3, trace); seqIns.addBatch();
                }
            }
            if (mode.equals("merge")) merge.executeBatch();
            if (mode.equals("seq")) seqIns.executeBatch();
            for (int i = 0; i < group; i++) {
                seq++;
                String rec = mode.equals("inrow") ? text(r, 900) + text(r, 2500) : text(r, 900);
                String next = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
                ins.setLong(1, seq); ins.setString(2, String.format("%08x-%04x-7%03x-8000-000000000000", seq >> 16, seq & 0xffff, 0));
                ins.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                ins.setString(4, "bench"); ins.setString(5, "v1"); ins.setString(6, "DECIDED");
                ins.setString(7, sevs[r.nextInt(4)]); ins.setString(8, "IMPACT"); ins.setString(9, caps[r.nextInt(caps.length)]);
                ins.setLong(10, 100); ins.setString(11, rec); ins.setString(12, hash); ins.setString(13, next); ins.setNull(14, Types.VARCHAR);
                ins.addBatch(); hash = next;
            }
            ins.executeBatch();
            upd.setLong(1, seq); upd.setString(2, hash); upd.executeUpdate();
            c.commit();
        }
        double us = (System.nanoTime() - t0) / 1e3 / (n - warm); double cus = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e3 / (n - warm);
        System.out.printf("mode=%s url=%s group=%d %s: %.1f us/record wall, %.1f us cpu, file %d KB%n", mode, a[1], group, noIndex ? "noindex" : "indexes", us, cus, Files.size(dir.resolve("audit.mv.db")) / 1024);
        c.close();
    }
    static List<Path> listSql() throws Exception {
        List<Path> l = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(Path.of("src/main/resources/db/migration"), "V*.sql")) { ds.forEach(l::add); }
        return l;
    }
    static String text(Random r, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) b.append((char) ('a' + r.nextInt(26)));
        return b.toString();
    }
}
