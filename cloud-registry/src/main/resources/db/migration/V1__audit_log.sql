-- Who changed what, and when: the control plane appends one row per change made through its API.
CREATE TABLE audit_log (
    id     bigserial   PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    actor  text        NOT NULL,
    action text        NOT NULL,
    target text        NOT NULL,
    detail jsonb       CHECK (detail IS NULL OR jsonb_typeof(detail) = 'object')
);

-- The history of one target (a device, a model), newest first.
CREATE INDEX audit_log_target_id ON audit_log (target, id);
