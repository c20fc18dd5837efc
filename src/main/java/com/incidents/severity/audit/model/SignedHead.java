package com.incidents.severity.audit.model;

import java.time.Instant;

/**
 * The chain head at one moment, signed with the audit signing key: record {@code seq} (0: no record
 * yet) has hash {@code hash}. One line of the export file, and what {@code POST /api/v1/audit/verify}
 * takes. The signature (base64 Ed25519) is over {@link #payload()}; {@code keyId} is the SHA-256 of
 * the signing key's public key (X.509 encoding), as served at {@code GET /api/v1/audit/key}.
 */
public record SignedHead(long seq, String hash, Instant signedAt, String keyId, String signature) {

    /** The text signed: {@code severity-audit-head-v1|seq|hash|signedAt} (signedAt as ISO-8601 in UTC). */
    public String payload() {
        return "severity-audit-head-v1|" + seq + "|" + hash + "|" + signedAt;
    }
}
