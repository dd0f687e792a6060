package dev.tandem.edge.update;

import dev.tandem.protocol.signing.Ed25519Signer;
import dev.tandem.protocol.signing.MetadataSigner;
import dev.tandem.protocol.signing.MetadataSigning;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A signing repository for tests, signing the way the control plane does: one root key (threshold
 * 1), two targets keys (threshold 2), Ed25519 over canonical JSON with protocol's signer.
 */
final class TestRepository {
  final Ed25519Signer rootKey = Ed25519Signer.generate();
  final Ed25519Signer targetsKeyA = Ed25519Signer.generate();
  final Ed25519Signer targetsKeyB = Ed25519Signer.generate();
  final Ed25519Signer strangerKey = Ed25519Signer.generate();

  static Instant inADay() {
    return Instant.now().plus(1, ChronoUnit.DAYS);
  }

  byte[] root1() {
    return root(1, List.of(rootKey), List.of(rootKey));
  }

  /**
   * Root {@code version} trusting {@code rootKeys} (threshold 1) and this repository's targets
   * keys.
   */
  byte[] root(long version, List<Ed25519Signer> rootKeys, List<? extends MetadataSigner> signers) {
    RootMetadata root =
        RootMetadata.create(
            version,
            inADay().plus(365, ChronoUnit.DAYS),
            rootKeys.stream().map(MetadataSigner::publicKey).toList(),
            1,
            List.of(targetsKeyA.publicKey(), targetsKeyB.publicKey()),
            2);
    return MetadataSigning.sign(root, signers).toBytes();
  }

  /** Targets signed by both targets keys (the threshold). */
  byte[] targets(long version, TargetInfo... targets) {
    return targets(version, inADay(), List.of(targetsKeyA, targetsKeyB), targets);
  }

  byte[] targets(
      long version,
      Instant expires,
      List<? extends MetadataSigner> signers,
      TargetInfo... targets) {
    return MetadataSigning.sign(TargetsMetadata.create(version, expires, List.of(targets)), signers)
        .toBytes();
  }

  static TargetInfo target(String model, String version, byte[] artifact) {
    return new TargetInfo(
        "models/" + model + "/" + version + "/int8.tedg",
        artifact.length,
        Hex.sha256(artifact),
        model,
        version,
        "int8");
  }
}
