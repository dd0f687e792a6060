package dev.tandem.sandbox.config;

import java.util.Arrays;
import java.util.Optional;

/** Every key a sandbox configuration file (or {@code --set key=value}) may hold. */
public enum ConfigKey {
  DATA_DIR("data.dir", "where embedded servers keep their data"),
  KAFKA_PORT("kafka.port", "embedded Kafka client port"),
  KAFKA_CONTROLLER_PORT("kafka.controller-port", "embedded Kafka KRaft controller port"),
  KAFKA_EXTERNAL(
      "kafka.external", "use this Kafka (host:port[,host:port]) instead of embedding one"),
  MQTT_PORT("mqtt.port", "embedded MQTT broker port"),
  MQTT_EXTERNAL("mqtt.external", "use this MQTT broker (tcp://host:port) instead of embedding one"),
  S3_PORT("s3.port", "embedded S3 server port"),
  S3_ACCESS_KEY("s3.access-key", "S3 access key (embedded server, or the external one)"),
  S3_SECRET_KEY("s3.secret-key", "S3 secret key (embedded server, or the external one)"),
  S3_REGION("s3.region", "S3 signing region"),
  S3_EXTERNAL("s3.external", "use this S3 store (http(s)://host:port) instead of embedding one"),
  POSTGRES_PORT("postgres.port", "embedded PostgreSQL port"),
  REGISTRY_PORT("registry.port", "HTTP port of the control plane (cloud-registry) on 127.0.0.1"),
  FLEET_DEVICES("fleet.devices", "simulated edge agents the sandbox runs (0 for none)"),
  INGEST_PORT("ingest.port", "metrics and health port of the ingest bridge and lake writer"),
  POSTGRES_EXTERNAL(
      "postgres.external",
      "use this PostgreSQL (jdbc:postgresql://host:port/db?user=..) instead of embedding one");

  private final String key;
  private final String description;

  ConfigKey(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public static Optional<ConfigKey> find(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
