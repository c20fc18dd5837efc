-- The version in force for every replica sharing this database (README, "Several replicas"): one row
-- per claim, in order. seq is the primary key and a claim inserts the next one, so two replicas
-- claiming at once cannot both win (the loser's insert breaks the key). Both H2 and PostgreSQL read it.
CREATE TABLE policy_claim (
    seq          BIGINT      NOT NULL PRIMARY KEY,
    version      VARCHAR(80) NOT NULL REFERENCES policy_files (version),
    base_version VARCHAR(80),
    trigger_kind VARCHAR(16) NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
