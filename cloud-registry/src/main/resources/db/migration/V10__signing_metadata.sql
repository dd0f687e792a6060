-- Every signed metadata document the signing repository published, root and targets, by version.
-- Appended, never updated: a device pinned at any root version can walk to the newest one.
CREATE TABLE signing_metadata (
    role      text        NOT NULL CHECK (role IN ('root', 'targets')),
    version   bigint      NOT NULL CHECK (version >= 1),
    expires   timestamptz NOT NULL,
    signed_at timestamptz NOT NULL DEFAULT now(),
    -- The envelope exactly as served: canonical UTF-8 JSON.
    envelope  bytea       NOT NULL,
    PRIMARY KEY (role, version)
);
