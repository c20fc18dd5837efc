-- A policy names its own severities and bases: 8 and 16 characters limited what an editor's policy
-- could output (one longer value failed a whole group commit). 200 is the width of the other
-- filter columns (caller, capability, client_label); the record's canonical JSON holds the value
-- whole either way. Both H2 and PostgreSQL read this syntax.
ALTER TABLE decision_record ALTER COLUMN severity SET DATA TYPE VARCHAR(200);
ALTER TABLE decision_record ALTER COLUMN basis SET DATA TYPE VARCHAR(200);
