package dev.tandem.registry.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The {@code tandem.signing.*} keys: where the signing keys are, and how metadata is signed.
 * Checked at startup; relations between keys (a threshold above its key count, a margin longer than
 * its expiry) are checked when the repository starts, naming both keys.
 */
@ConfigMapping(prefix = "tandem.signing")
public interface SigningConfig {

  /** {@code tandem.signing.key-store}: the passphrase-protected key store file. */
  @NotBlank
  String keyStore();

  /**
   * {@code tandem.signing.key-store-passphrase}: opens the key store; give it as the environment
   * variable {@code TANDEM_SIGNING_KEY_STORE_PASSPHRASE}, never on a command line.
   */
  @NotNull
  @Size(min = 12, message = "must be at least 12 characters")
  String keyStorePassphrase();

  /**
   * {@code tandem.signing.generate-keys}: create the key store with fresh keys if the file does not
   * exist. For sandboxes; in production keys are created on purpose (docs/signing.md).
   */
  @WithDefault("false")
  boolean generateKeys();

  /** {@code tandem.signing.root-keys}: keys of a new root role (first root, root rotation). */
  @WithDefault("3")
  @Min(1)
  @Max(16)
  int rootKeys();

  /** {@code tandem.signing.root-threshold}: how many root keys must sign a root. */
  @WithDefault("2")
  @Min(1)
  @Max(16)
  int rootThreshold();

  /** {@code tandem.signing.targets-keys}: keys of a new targets role. */
  @WithDefault("1")
  @Min(1)
  @Max(16)
  int targetsKeys();

  /** {@code tandem.signing.targets-threshold}: how many targets keys must sign targets. */
  @WithDefault("1")
  @Min(1)
  @Max(16)
  int targetsThreshold();

  /** {@code tandem.signing.root-expiry}: how long a root version is valid. */
  @WithDefault("365d")
  @NotNull
  Duration rootExpiry();

  /** {@code tandem.signing.targets-expiry}: how long a targets version is valid. */
  @WithDefault("7d")
  @NotNull
  Duration targetsExpiry();

  /** {@code tandem.signing.root-resign-margin}: re-sign a root this long before it expires. */
  @WithDefault("30d")
  @NotNull
  Duration rootResignMargin();

  /** {@code tandem.signing.targets-resign-margin}: re-sign targets this long before they expire. */
  @WithDefault("1d")
  @NotNull
  Duration targetsResignMargin();

  /**
   * {@code tandem.signing.resign-check-interval}: how often the scheduler looks for documents due
   * for re-signing; read by {@code @Scheduled}, so it takes Quarkus' duration syntax ({@code 10m}).
   */
  @WithDefault("10m")
  @NotNull
  Duration resignCheckInterval();
}
