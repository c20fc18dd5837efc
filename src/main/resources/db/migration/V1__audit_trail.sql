-- The audit trail: every decision, the policy text that made it, and a hash chain over the records.
-- Portable between H2 (embedded default) and PostgreSQL.

-- The text of every policy version that has served a decision, stored once per content hash.
CREATE TABLE policy_version (
    version       VARCHAR(80)   NOT NULL PRIMARY KEY,
    origin        VARCHAR(1000) NOT NULL,
    files         TEXT          NOT NULL,  -- JSON object: relative path -> file text
    first_used_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The trace of an engine outcome (tables with evaluated inputs and matched rows, DRL rules fired,
-- explanation), stored once by its SHA-256: many decisions share one outcome of one policy version.
CREATE TABLE decision_trace (
    hash  CHAR(64)         NOT NULL PRIMARY KEY,
    trace VARCHAR(1000000) NOT NULL
);

-- One row per decision (or failed evaluation). seq is the position in the hash chain; record is the
-- canonical JSON of the whole decision (naming its trace by hash), and
-- hash = SHA-256(prev_hash | seq | record). The other
-- columns repeat parts of the record for filtering; verification checks they agree with it.
CREATE TABLE decision_record (
    seq               BIGINT       NOT NULL PRIMARY KEY,
    decision_id       VARCHAR(36)  NOT NULL UNIQUE,
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    caller            VARCHAR(200) NOT NULL,
    policy_version    VARCHAR(80)  NOT NULL REFERENCES policy_version (version),
    status            VARCHAR(10)  NOT NULL,
    severity          VARCHAR(8),
    basis             VARCHAR(16),
    capability        VARCHAR(200),
    evaluation_micros BIGINT       NOT NULL,
    record            VARCHAR(1000000) NOT NULL,
    prev_hash         CHAR(64)     NOT NULL,
    hash              CHAR(64)     NOT NULL
);

CREATE INDEX decision_record_decided_at ON decision_record (decided_at, seq);
CREATE INDEX decision_record_severity ON decision_record (severity, seq);
CREATE INDEX decision_record_policy ON decision_record (policy_version, seq);
CREATE INDEX decision_record_capability ON decision_record (capability, seq);
CREATE INDEX decision_record_caller ON decision_record (caller, seq);

-- The end of the chain. Writers lock this row for the length of a batch, so several service
-- instances sharing one database append one after another and the chain stays linear.
CREATE TABLE audit_chain_head (
    id       INT      NOT NULL PRIMARY KEY,
    last_seq BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
