-- API tokens of people and services. Only the SHA-256 of a token is stored: the token itself is
-- shown once, when it is created. Tokens are revoked, never deleted, so the audit log's actors
-- keep a meaning.
CREATE TABLE api_token (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    secret_sha256 bytea       NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    revoked_by    text,
    last_used_at  timestamptz,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Listing, newest first.
CREATE INDEX api_token_created_at ON api_token (created_at DESC, id);
