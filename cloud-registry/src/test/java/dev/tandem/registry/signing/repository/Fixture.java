package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.PassphraseKeyStore;
import java.nio.file.Path;
import java.time.Instant;

/** Key stores and targets for repository tests. */
final class Fixture {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  private Fixture() {}

  /** A fast key store (few KDF iterations) with {@code root} root keys and one targets key. */
  static PassphraseKeyStore keyStore(Path file, MovableClock clock, int root, int targets) {
    PassphraseKeyStore store = PassphraseKeyStore.create(file, PASSPHRASE, 1_000, clock);
    for (int i = 0; i < root; i++) {
      store.createKey(KeyPurpose.ROOT);
    }
    for (int i = 0; i < targets; i++) {
      store.createKey(KeyPurpose.TARGETS);
    }
    return store;
  }

  static TargetInfo target(String model, String version, int length) {
    String sha = String.format("%064x", (long) (model + version).hashCode() & 0xffffffffL);
    return new TargetInfo(
        "models/" + model + "/" + version + "/int8.tar.gz", length, sha, model, version, "int8");
  }
}
