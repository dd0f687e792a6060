package dev.tandem.edge.update;

import dev.tandem.edge.files.DurableFiles;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the device trusts, on disk in {@code trust/}: {@code root.json}, the newest root it accepted
 * (at first the root pinned at provisioning), and {@code targets-version}, the newest targets
 * version seen (the anti-rollback floor). Both are replaced atomically, the root first.
 */
final class TrustStore {
  private final Path rootFile;
  private final Path floorFile;
  private final MetadataVerifier verifier;

  TrustStore(Path dir, MetadataVerifier verifier) throws IOException {
    Path trust = dir.resolve("trust");
    Files.createDirectories(trust);
    this.rootFile = trust.resolve("root.json");
    this.floorFile = trust.resolve("targets-version");
    this.verifier = verifier;
  }

  /**
   * The trusted state: the stored root if there is one, else {@code pinnedRoot} (stored now).
   *
   * @throws ProtocolException if the root is not signed by its own root keys
   * @throws IOException if the files cannot be read or written
   */
  TrustedState load(Path pinnedRoot) throws IOException {
    boolean first = !Files.exists(rootFile);
    byte[] root = Files.readAllBytes(first ? pinnedRoot : rootFile);
    TrustedState state = verifier.pin(root);
    if (first) {
      DurableFiles.replace(rootFile, root);
    }
    long floor =
        Files.exists(floorFile)
            ? Long.parseLong(Files.readString(floorFile, StandardCharsets.UTF_8).trim())
            : 0;
    return state.withTargetsVersionFloor(floor);
  }

  /** Stores an accepted state; {@code newRoot} is the newest root's JSON if the root changed. */
  void save(TrustedState state, byte[] newRoot) throws IOException {
    if (newRoot != null) {
      DurableFiles.replace(rootFile, newRoot);
    }
    DurableFiles.replace(
        floorFile, Long.toString(state.targetsVersion()).getBytes(StandardCharsets.UTF_8));
  }
}
