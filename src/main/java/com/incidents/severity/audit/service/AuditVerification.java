package com.incidents.severity.audit.service;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.SignedHead;
import com.incidents.severity.audit.model.VerifyReport;
import com.incidents.severity.audit.store.ChainVerifier;
import com.incidents.severity.problem.FieldError;
import com.incidents.severity.problem.InvalidRequestException;

/**
 * The chain check against a signed head exported earlier: the one an auditor brings, or else the
 * last line of this service's export file (none there yet: the chain alone is checked).
 */
@ApplicationScoped
public class AuditVerification {

    @Inject
    ChainVerifier verifier;

    @Inject
    SignedHeads heads;

    @Inject
    AuditSigningKey key;

    /** Against the last exported head in the export file. */
    public VerifyReport verify(Instant from, Instant to) throws SQLException, IOException {
        SignedHead exported;
        try {
            exported = heads.lastExported().orElse(null);
        } catch (IllegalStateException e) {
            return invalid(e.getMessage(), null);
        }
        if (exported != null && !heads.genuine(exported)) {
            return invalid("the last head in " + heads.exportFile() + " is not signed by this service's key " + key.keyId()
                    + " (edited, or signed with another key)", exported);
        }
        return verifier.verify(from, to, exported);
    }

    /**
     * Against {@code given}, a head the caller kept.
     *
     * @throws InvalidRequestException (422) when it is incomplete or not signed by this service's key
     */
    public VerifyReport verify(Instant from, Instant to, SignedHead given) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (given == null) {
            errors.add(FieldError.of("body", "a signed head (a line of the export file, or GET /api/v1/audit/head)"));
        } else {
            if (given.seq() < 0) {
                errors.add(FieldError.of("seq", "a position, 0 or more"));
            }
            if (given.hash() == null || !given.hash().matches("[0-9a-f]{64}")) {
                errors.add(FieldError.of("hash", "64 lower-case hex digits"));
            }
            if (given.signedAt() == null) {
                errors.add(FieldError.of("signedAt", "required"));
            }
            if (errors.isEmpty() && !heads.genuine(given)) {
                errors.add(FieldError.of("signature", "not a signature of this head by this service's key " + key.keyId()
                        + " (GET /api/v1/audit/key)"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequestException.of(errors);
        }
        return verifier.verify(from, to, given);
    }

    private VerifyReport invalid(String problem, SignedHead exported) {
        return new VerifyReport(false, 0, null, null, null, null, null, problem, null, null).against(exported,
                key.keyId());
    }
}
