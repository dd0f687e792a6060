-- Rollouts (dev.tandem.deploy): the rollout, its waves, each device's update, and its history.
-- States are the enums of dev.tandem.deploy.state; see docs/rollouts.md.
CREATE TABLE rollout (
    id           text        PRIMARY KEY,
    model        text        NOT NULL,
    version      text        NOT NULL,
    -- The specification as the API shows it (docs/rollouts.md), variants resolved.
    spec         jsonb       NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
    state        text        NOT NULL CHECK (state IN ('CREATED', 'RUNNING', 'PAUSED', 'COMPLETED',
                                 'ABORTED', 'ROLLING_BACK', 'ROLLED_BACK', 'FAILED')),
    reason       text        NOT NULL,
    current_wave integer     NOT NULL CHECK (current_wave >= 0),
    following    boolean     NOT NULL DEFAULT false,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX rollout_created_at ON rollout (created_at DESC, id);
-- What the engine loads at start.
CREATE INDEX rollout_unfinished ON rollout (state)
    WHERE state IN ('CREATED', 'RUNNING', 'PAUSED', 'ROLLING_BACK', 'COMPLETED');

CREATE TABLE rollout_wave (
    rollout_id        text        NOT NULL REFERENCES rollout (id),
    index             integer     NOT NULL CHECK (index >= 0),
    size              integer     NOT NULL CHECK (size >= 0),
    phase             text        NOT NULL
                                  CHECK (phase IN ('PENDING', 'UPDATING', 'BAKING', 'PASSED', 'STOPPED')),
    started_at        timestamptz,
    baking_since      timestamptz,
    finished_at       timestamptz,
    accepted_failures integer     NOT NULL DEFAULT 0,
    reason            text        NOT NULL,
    PRIMARY KEY (rollout_id, index)
);

-- One device's update in one rollout. No foreign key to device: the rollout keeps its record of a
-- device that is later decommissioned.
CREATE TABLE rollout_device (
    rollout_id       text        NOT NULL REFERENCES rollout (id),
    device_id        text        NOT NULL,
    hardware_class   text        NOT NULL,
    variant          text,
    wave             integer     NOT NULL CHECK (wave >= 0),
    state            text        NOT NULL CHECK (state IN ('PENDING', 'DESIRED_SENT', 'RECEIVED',
                                     'DOWNLOADING', 'VERIFIED', 'STAGED', 'ACTIVE', 'FAILED',
                                     'RETRY_WAIT', 'TIMED_OUT', 'REVERTED', 'ROLLED_BACK')),
    reason           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    previous_version text,
    sent_at          timestamptz,
    retry_at         timestamptz,
    reported_version text,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (rollout_id, device_id)
);
CREATE INDEX rollout_device_device ON rollout_device (device_id);

-- Every transition of a rollout and of its waves, appended, never changed.
CREATE TABLE rollout_event (
    id         bigserial   PRIMARY KEY,
    rollout_id text        NOT NULL REFERENCES rollout (id),
    at         timestamptz NOT NULL,
    subject    text        NOT NULL,
    from_state text        NOT NULL,
    to_state   text        NOT NULL,
    reason     text        NOT NULL,
    actor      text        NOT NULL
);
CREATE INDEX rollout_event_rollout ON rollout_event (rollout_id, id);
