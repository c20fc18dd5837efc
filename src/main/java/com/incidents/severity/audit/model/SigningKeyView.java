package com.incidents.severity.audit.model;

/** The public half of the audit signing key, for auditors checking signed heads on their own. */
public record SigningKeyView(String algorithm, String keyId, String publicKeyPem) {
}
