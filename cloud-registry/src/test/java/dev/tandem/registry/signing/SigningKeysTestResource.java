package dev.tandem.registry.signing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Signing configuration for a packaged-application test, where the {@code %test} profile does not
 * apply: a fresh key store, created with fresh keys on start.
 */
public final class SigningKeysTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createTempDirectory("tandem-signing-it");
      return Map.of(
          "tandem.signing.key-store", dir.resolve("keys.json").toString(),
          "tandem.signing.key-store-passphrase", "integration-test-passphrase",
          "tandem.signing.generate-keys", "true");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    // The temporary directory holds test keys only and is left to the OS.
  }
}
