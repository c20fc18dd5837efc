package com.incidents.severity.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.draft.store.PolicyFilesStore;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.policy.service.SharedPolicy;

/** The claims of the version in force in the shared database (table policy_claim, V8). */
@ApplicationScoped
public class SharedPolicyStore implements SharedPolicy {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<ReloadTrigger> PUBLISHES = Set.of(ReloadTrigger.PUBLISH, ReloadTrigger.ROLLBACK);
    private static final int LINEAGE_LIMIT = 1000;

    @Inject
    AuditDatabase database;

    @Inject
    PolicyFilesStore files;

    @Override
    public Optional<Shared> inForce() {
        try (Connection c = database.dataSource().getConnection()) {
            return latest(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The shared policy version cannot be read", e);
        }
    }

    @Override
    public Optional<PolicyFiles> files(String version) {
        try {
            return files.find(version);
        } catch (SQLException e) {
            throw new IllegalStateException("The files of " + version + " cannot be read", e);
        }
    }

    @Override
    public boolean supersedes(String version) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT version, base_version, trigger_kind FROM policy_claim"
                        + " ORDER BY seq DESC LIMIT " + LINEAGE_LIMIT);
                ResultSet rs = s.executeQuery()) {
            String expected = null; // the version the next older claim must have put in force
            while (rs.next()) {
                String claimed = rs.getString(1);
                if (expected != null && !expected.equals(claimed)) {
                    return false;
                }
                if (!PUBLISHES.contains(ReloadTrigger.valueOf(rs.getString(3)))) {
                    return false;
                }
                if (Objects.equals(version, rs.getString(2))) {
                    return true;
                }
                expected = rs.getString(2);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("The shared policy claims cannot be read", e);
        }
    }

    @Override
    public Claim claim(String expected, PolicyFiles claimed, ReloadTrigger trigger) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    Optional<Shared> latest = latest(c);
                    String current = latest.map(Shared::version).orElse(null);
                    if (claimed.version().equals(current)) {
                        c.rollback();
                        return Claim.ALREADY_SHARED;
                    }
                    if (expected != null && latest.isPresent() && !expected.equals(current)) {
                        c.rollback();
                        return Claim.STALE;
                    }
                    files.store(c, claimed);
                    insert(c, latest.map(Shared::seq).orElse(0L) + 1, claimed.version(), current, trigger);
                    c.commit();
                    return Claim.CLAIMED;
                } catch (SQLException e) {
                    c.rollback();
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another replica claimed the same seq first: read again and decide on its claim
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The shared policy version cannot be written", e);
            }
        }
        throw new IllegalStateException("The shared policy version could not be claimed: it kept changing");
    }

    private static Optional<Shared> latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, version, base_version, trigger_kind, claimed_at"
                + " FROM policy_claim ORDER BY seq DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Shared(rs.getLong(1), rs.getString(2), rs.getString(3),
                    ReloadTrigger.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
        }
    }

    private static void insert(Connection c, long seq, String version, String base, ReloadTrigger trigger)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO policy_claim (seq, version, base_version,"
                + " trigger_kind, claimed_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, version);
            s.setString(3, base);
            s.setString(4, trigger.name());
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }
}
