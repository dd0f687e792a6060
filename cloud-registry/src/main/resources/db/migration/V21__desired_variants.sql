-- The variant a rollout chose for each desired model of a device (its per-class override, or the
-- first variant the version declares for the class), so that GET /api/v1/device/desired names the
-- same variant as the desired state published over MQTT. A model without an entry here gets the
-- first variant the version declares for the device's hardware class.
ALTER TABLE device
    ADD COLUMN desired_variants jsonb NOT NULL DEFAULT '{}'
        CHECK (jsonb_typeof(desired_variants) = 'object');
