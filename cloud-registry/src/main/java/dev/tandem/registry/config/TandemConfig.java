package dev.tandem.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/** The {@code tandem.*} configuration keys. */
@ConfigMapping(prefix = "tandem")
public interface TandemConfig {

  /** The object store holding model artifacts. */
  S3 s3();

  /** The MQTT broker the fleet is connected to. */
  Mqtt mqtt();

  /** How dependencies are checked for readiness. */
  Health health();

  /** {@code tandem.s3.*}: an S3-compatible object store, spoken to through the MinIO SDK. */
  interface S3 {
    /** {@code tandem.s3.url}: the endpoint, e.g. {@code http://127.0.0.1:9000}. */
    @NotNull
    @Pattern(
        regexp = "https?://[^\\s/?#]+/?",
        message = "must be an http:// or https:// URL without a path, e.g. http://127.0.0.1:9000")
    String url();

    /** {@code tandem.s3.access-key}. */
    @NotBlank
    String accessKey();

    /** {@code tandem.s3.secret-key}. */
    @NotBlank
    String secretKey();

    /** {@code tandem.s3.region}. */
    @WithDefault("us-east-1")
    @NotBlank
    String region();

    /** {@code tandem.s3.bucket}: the bucket for model artifacts, created at startup if missing. */
    @WithDefault("tandem-models")
    @Pattern(
        regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
        message = "must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots or hyphens")
    String bucket();
  }

  /** {@code tandem.mqtt.*}. */
  interface Mqtt {
    /** {@code tandem.mqtt.url}: the broker, e.g. {@code tcp://127.0.0.1:1883}. */
    @NotNull
    @Pattern(
        regexp = "(tcp|ssl)://[^\\s/?#]+:\\d{1,5}/?",
        message = "must be tcp://host:port or ssl://host:port, e.g. tcp://127.0.0.1:1883")
    String url();
  }

  /** {@code tandem.health.*}. */
  interface Health {
    /**
     * {@code tandem.health.timeout}: how long one readiness check waits for a dependency before it
     * reports it DOWN.
     */
    @WithDefault("3s")
    @NotNull
    Duration timeout();
  }
}
