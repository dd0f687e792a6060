package dev.tandem.registry.signing;

import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.PassphraseKeyStore;
import dev.tandem.registry.signing.keys.SigningBackend;
import dev.tandem.registry.signing.keys.SigningKeyException;
import dev.tandem.registry.signing.repository.JdbcRepositoryStore;
import dev.tandem.registry.signing.repository.SigningPolicy;
import dev.tandem.registry.signing.repository.TufRepository;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Builds the signing backend and repository from {@link SigningConfig}. Every failure names the
 * configuration key to fix, in a {@link SigningSetupException}.
 */
@Singleton
public class SigningSetup {

  private static final Logger LOG = Logger.getLogger(SigningSetup.class);

  /** Policy fields as named in {@link SigningPolicy}'s messages, to their configuration keys. */
  private static final Map<String, String> KEYS =
      Map.of(
          "rootThreshold", "tandem.signing.root-threshold",
          "targetsThreshold", "tandem.signing.targets-threshold",
          "rootKeys", "tandem.signing.root-keys",
          "targetsKeys", "tandem.signing.targets-keys",
          "rootResignMargin", "tandem.signing.root-resign-margin",
          "targetsResignMargin", "tandem.signing.targets-resign-margin",
          "rootExpiry", "tandem.signing.root-expiry",
          "targetsExpiry", "tandem.signing.targets-expiry");

  @Produces
  @Singleton
  SigningPolicy policy(SigningConfig config) {
    return policyOf(config);
  }

  @Produces
  @Singleton
  SigningBackend backend(SigningConfig config, SigningPolicy policy, InstantSource clock) {
    return openKeyStore(config, policy, clock);
  }

  @Produces
  @Singleton
  TufRepository repository(
      SigningBackend backend, DataSource dataSource, SigningPolicy policy, InstantSource clock) {
    return new TufRepository(backend, new JdbcRepositoryStore(dataSource), policy, clock);
  }

  /**
   * The policy the configuration describes.
   *
   * @throws SigningSetupException naming the keys that do not fit together
   */
  static SigningPolicy policyOf(SigningConfig config) {
    try {
      return new SigningPolicy(
          config.rootKeys(),
          config.rootThreshold(),
          config.targetsKeys(),
          config.targetsThreshold(),
          config.rootExpiry(),
          config.targetsExpiry(),
          config.rootResignMargin(),
          config.targetsResignMargin());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      for (var entry : KEYS.entrySet()) {
        message = message.replaceAll("\\b" + entry.getKey() + "\\b", entry.getValue());
      }
      throw new SigningSetupException(message, e);
    }
  }

  /**
   * Opens the configured key store, creating it with fresh keys first if it is missing and {@code
   * tandem.signing.generate-keys} is set.
   *
   * @throws SigningSetupException naming the key to fix
   */
  static PassphraseKeyStore openKeyStore(
      SigningConfig config, SigningPolicy policy, InstantSource clock) {
    Path file = Path.of(config.keyStore());
    char[] passphrase = config.keyStorePassphrase().toCharArray();
    try {
      if (config.generateKeys() && !Files.exists(file)) {
        PassphraseKeyStore store =
            PassphraseKeyStore.create(
                file, passphrase, PassphraseKeyStore.DEFAULT_ITERATIONS, clock);
        for (int i = 0; i < policy.rootKeys(); i++) {
          store.createKey(KeyPurpose.ROOT);
        }
        for (int i = 0; i < policy.targetsKeys(); i++) {
          store.createKey(KeyPurpose.TARGETS);
        }
        LOG.warnf(
            "tandem.signing.generate-keys: created key store %s with %d root and %d targets keys;"
                + " keep it and its passphrase, devices will trust these keys",
            file.toAbsolutePath(), policy.rootKeys(), policy.targetsKeys());
        return store;
      }
      PassphraseKeyStore store = PassphraseKeyStore.open(file, passphrase, clock);
      LOG.infof("signing keys: %s, %d keys", file.toAbsolutePath(), store.keys().size());
      return store;
    } catch (SigningKeyException e) {
      throw new SigningSetupException(configKeyOf(e) + ": " + e.getMessage() + hint(e), e);
    } finally {
      java.util.Arrays.fill(passphrase, '\0');
    }
  }

  static String configKeyOf(SigningKeyException e) {
    return e.reason() == SigningKeyException.Reason.WRONG_PASSPHRASE
        ? "tandem.signing.key-store-passphrase"
        : "tandem.signing.key-store";
  }

  private static String hint(SigningKeyException e) {
    return e.reason() == SigningKeyException.Reason.MISSING_FILE
        ? "; create it as docs/signing.md describes, or set tandem.signing.generate-keys=true"
            + " to create one with fresh keys"
        : "";
  }
}
