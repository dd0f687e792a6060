package dev.tandem.registry.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.PassphraseKeyStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks of the signing configuration: every failure names the key to fix. */
class SigningSetupTest {

  @TempDir Path dir;

  private SigningConfig config(Map<String, String> overrides) {
    Map<String, String> properties = new HashMap<>();
    properties.put("tandem.signing.key-store", dir.resolve("keys.json").toString());
    properties.put("tandem.signing.key-store-passphrase", "a passphrase for tests");
    properties.putAll(overrides);
    return new SmallRyeConfigBuilder()
        .withMapping(SigningConfig.class)
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withConverter(Duration.class, 200, new DurationConverter())
        .build()
        .getConfigMapping(SigningConfig.class);
  }

  @Test
  void defaultsAreTwoOfThreeRootKeysAWeekOfTargetsAndADayOfMargin() {
    var policy = SigningSetup.policyOf(config(Map.of()));

    assertThat(policy.rootKeys()).isEqualTo(3);
    assertThat(policy.rootThreshold()).isEqualTo(2);
    assertThat(policy.targetsExpiry()).isEqualTo(Duration.ofDays(7));
    assertThat(policy.targetsResignMargin()).isEqualTo(Duration.ofDays(1));
    assertThat(policy.rootExpiry()).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void thresholdAboveTheKeyCountNamesBothKeys() {
    assertThatThrownBy(
            () -> SigningSetup.policyOf(config(Map.of("tandem.signing.root-threshold", "4"))))
        .isInstanceOf(SigningSetupException.class)
        .hasMessage(
            "tandem.signing.root-threshold must be between 1 and tandem.signing.root-keys (3),"
                + " got 4");
  }

  @Test
  void marginNotShorterThanTheExpiryNamesBothKeys() {
    assertThatThrownBy(
            () ->
                SigningSetup.policyOf(config(Map.of("tandem.signing.targets-resign-margin", "7d"))))
        .isInstanceOf(SigningSetupException.class)
        .hasMessageStartingWith(
            "tandem.signing.targets-resign-margin must be at least 0 and shorter than"
                + " tandem.signing.targets-expiry");
  }

  @Test
  void missingKeyStoreNamesTheKeyAndHowToCreateIt() {
    SigningConfig config = config(Map.of());

    assertThatThrownBy(
            () ->
                SigningSetup.openKeyStore(
                    config, SigningSetup.policyOf(config), InstantSource.system()))
        .isInstanceOf(SigningSetupException.class)
        .hasMessageStartingWith("tandem.signing.key-store: key store file ")
        .hasMessageContaining("does not exist")
        .hasMessageContaining("tandem.signing.generate-keys=true");
  }

  @Test
  void wrongPassphraseNamesThePassphraseKey() {
    PassphraseKeyStore.create(
            dir.resolve("keys.json"),
            "another passphrase".toCharArray(),
            1_000,
            InstantSource.system())
        .createKey(KeyPurpose.ROOT);
    SigningConfig config = config(Map.of());

    assertThatThrownBy(
            () ->
                SigningSetup.openKeyStore(
                    config, SigningSetup.policyOf(config), InstantSource.system()))
        .isInstanceOf(SigningSetupException.class)
        .hasMessageStartingWith("tandem.signing.key-store-passphrase: ")
        .hasMessageContaining("wrong passphrase");
  }

  @Test
  void generateKeysCreatesTheConfiguredKeysOnceAndThenOpensThem() {
    SigningConfig config =
        config(Map.of("tandem.signing.generate-keys", "true", "tandem.signing.targets-keys", "2"));
    var policy = SigningSetup.policyOf(config);

    PassphraseKeyStore created = SigningSetup.openKeyStore(config, policy, InstantSource.system());
    PassphraseKeyStore opened = SigningSetup.openKeyStore(config, policy, InstantSource.system());

    assertThat(created.keys()).hasSize(5);
    assertThat(opened.keys()).isEqualTo(created.keys());
    assertThat(opened.keys().stream().filter(k -> k.purpose() == KeyPurpose.TARGETS)).hasSize(2);
  }
}
