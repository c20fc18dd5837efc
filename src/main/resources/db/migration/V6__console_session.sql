-- The console's sign-ins, shared by every replica: the form's cookie alone is stateless, so a copy
-- of it worked until it expired, even after sign-out. A session is a random id held in a cookie of
-- its own; the table keeps only its SHA-256 (a reader of the table cannot take a session over), the
-- user it was issued to, when it ends and whether it was signed out. Rows past their end are deleted
-- at the next sign-in. Both H2 and PostgreSQL read this syntax.
CREATE TABLE console_session (
    id_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    user_name  VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX console_session_expires ON console_session (expires_at);
