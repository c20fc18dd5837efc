-- Retention checkpoints are signed with the audit signing key, which is never in the database
-- (see README, "Signed heads"): key_id names the key (SHA-256 of its public key), signature is the
-- base64 Ed25519 signature of "severity-audit-checkpoint-v1|seq|hash|pruned_at|archive".
-- A checkpoint made before this migration has neither, and verify reports it as unsigned.
ALTER TABLE audit_checkpoint ADD COLUMN key_id VARCHAR(64);
ALTER TABLE audit_checkpoint ADD COLUMN signature VARCHAR(200);
