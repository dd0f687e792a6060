-- Devices: identity, labels, credentials (hashes only), reported and desired state.
CREATE TABLE device (
    id                    text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    hardware_class        text        NOT NULL,
    groups                text[]      NOT NULL DEFAULT '{}',
    tags                  jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(tags) = 'object'),
    status                text        NOT NULL DEFAULT 'active'
                                      CHECK (status IN ('active', 'decommissioned')),
    enrolled_at           timestamptz NOT NULL,
    enrolled_with         uuid,
    decommissioned_at     timestamptz,
    -- SHA-256 of the device token (tdd_...) and of the MQTT password; NULL once decommissioned.
    token_sha256          bytea       UNIQUE CHECK (length(token_sha256) = 32),
    mqtt_password_sha256  bytea       CHECK (length(mqtt_password_sha256) = 32),
    credentials_issued_at timestamptz NOT NULL,
    -- What the device last reported (DeviceStateReport from Kafka).
    last_seen             timestamptz,
    online                boolean     NOT NULL DEFAULT false,
    link_state            text,
    health                text,
    health_detail         text,
    agent_version         text,
    actual_models         jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(actual_models) = 'object'),
    last_sequence         bigint,
    -- What the device should run: model name to version.
    desired_models        jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(desired_models) = 'object'),
    desired_updated_at    timestamptz
);

CREATE INDEX device_groups ON device USING gin (groups);
CREATE INDEX device_tags ON device USING gin (tags);
CREATE INDEX device_hardware_class ON device (hardware_class);

-- Single-use enrollment tokens (tde_...); only the SHA-256 is kept.
CREATE TABLE enrollment_token (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    secret_sha256  bytea       NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    hardware_class text        NOT NULL,
    groups         text[]      NOT NULL DEFAULT '{}',
    tags           jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(tags) = 'object'),
    expires_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    used_at        timestamptz,
    used_by_device text,
    revoked_at     timestamptz,
    revoked_by     text,
    CHECK ((used_at IS NULL) = (used_by_device IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX enrollment_token_created_at ON enrollment_token (created_at DESC, id);
