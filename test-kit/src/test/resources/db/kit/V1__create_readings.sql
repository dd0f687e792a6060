CREATE TABLE readings (
  device_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (device_id, seq)
);
