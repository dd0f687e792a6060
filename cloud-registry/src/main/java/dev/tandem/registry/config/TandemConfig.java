package dev.tandem.registry.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/** The {@code tandem.*} configuration keys. */
@ConfigMapping(prefix = "tandem")
public interface TandemConfig {

  /** The object store holding model artifacts. */
  S3 s3();

  /** The MQTT broker the fleet is connected to. */
  Mqtt mqtt();

  /** How dependencies are checked for readiness. */
  Health health();

  /** How callers authenticate. */
  Auth auth();

  /** The model registry. */
  Registry registry();

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

    /**
     * {@code tandem.s3.public-url}: the object store's URL as devices reach it, used in presigned
     * download URLs (their signature covers the host, so the URL must name the host the device
     * fetches from). Defaults to {@code tandem.s3.url}.
     */
    Optional<
            @Pattern(
                regexp = "https?://[^\\s/?#]+/?",
                message =
                    "must be an http:// or https:// URL without a path, e.g."
                        + " https://models.example.com")
            String>
        publicUrl();
  }

  /** {@code tandem.mqtt.*}. */
  interface Mqtt {
    /** {@code tandem.mqtt.url}: the broker, e.g. {@code tcp://127.0.0.1:1883}. */
    @NotNull
    @Pattern(
        regexp = "(tcp|ssl)://[^\\s/?#]+:\\d{1,5}/?",
        message = "must be tcp://host:port or ssl://host:port, e.g. tcp://127.0.0.1:1883")
    String url();

    /**
     * {@code tandem.mqtt.client-id}: the client id the control plane publishes desired states with;
     * one per instance.
     */
    @WithDefault("tandem-cloud-registry")
    @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
    String clientId();

    /** {@code tandem.mqtt.username}: for brokers that require one. */
    Optional<String> username();

    /** {@code tandem.mqtt.password}: with the username. */
    Optional<String> password();
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

  /** {@code tandem.auth.*}. */
  interface Auth {
    /**
     * {@code tandem.auth.bootstrap-token}: an admin token that needs no database row, to create the
     * first real tokens with. Either the token itself ({@code tdm_} and 32 or more URL-safe base64
     * characters, for sandboxes) or {@code sha256:} and the 64 hex digits of its SHA-256. Unset,
     * there is none.
     */
    Optional<
            @Pattern(
                regexp = "tdm_[A-Za-z0-9_-]{32,256}|sha256:[0-9a-f]{64}",
                message =
                    "must be a token (tdm_ and at least 32 of A-Z a-z 0-9 _ -) or sha256: and 64"
                        + " lower-case hex digits")
            String>
        bootstrapToken();

    /** {@code tandem.auth.bootstrap-name}: the actor the bootstrap token is recorded as. */
    @WithDefault("bootstrap")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}", message = "must be a token name")
    String bootstrapName();
  }

  /** {@code tandem.registry.*}. */
  interface Registry {
    /** The largest artifact S3 copies in one request; staging objects are copied into place. */
    long MAX_COPYABLE = 5L * 1024 * 1024 * 1024;

    /**
     * {@code tandem.registry.max-artifact-size}: the largest artifact accepted, e.g. {@code 2G};
     * larger uploads answer 413 {@code ARTIFACT_TOO_LARGE}. At most 5G.
     */
    @WithDefault("2G")
    @NotNull
    MemorySize maxArtifactSize();

    /**
     * {@code tandem.registry.upload-part-size}: the part size of multipart uploads to the object
     * store, at least 5M; one part is held in memory per upload in progress.
     */
    @WithDefault("16M")
    @NotNull
    MemorySize uploadPartSize();

    /**
     * {@code tandem.registry.download-url-ttl}: how long a presigned artifact URL stays valid, 1s
     * to 7 days.
     */
    @WithDefault("15m")
    @NotNull
    Duration downloadUrlTtl();
  }
}
