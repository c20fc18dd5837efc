package com.incidents.severity.decision.model;

/**
 * Who asked for a decision: {@code name} is the authenticated principal (the identity the audit
 * records); {@code label} is the caller's own label from {@code X-Client-Id}, not verified, kept
 * beside it for the caller's bookkeeping and never used as identity (null when not sent).
 */
public record Caller(String name, String label) {
}
