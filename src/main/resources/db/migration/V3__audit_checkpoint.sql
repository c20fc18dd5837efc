-- Where the chain starts once older records have been archived and pruned (retention): the position
-- and hash of the last pruned record, so the first record kept still links to something verifiable.
-- One row at most; absent until the first prune.
CREATE TABLE audit_checkpoint (
    id        INT           NOT NULL PRIMARY KEY,
    seq       BIGINT        NOT NULL,
    hash      CHAR(64)      NOT NULL,
    pruned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    archive   VARCHAR(1000) NOT NULL
);
