package dev.tandem.protocol.signing;

import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.MetadataSignature;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds signed metadata for verifier tests, the way the cloud registry will. */
final class Repo {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant NEXT_YEAR = NOW.plus(365, ChronoUnit.DAYS);
  static final byte[] ARTIFACT =
      "pretend this is a SavedModel tarball".getBytes(StandardCharsets.UTF_8);
  static final String TARGET_PATH = "models/vibration/1.5.0/int8.tar.gz";

  private Repo() {}

  static MetadataVerifier verifierAt(Instant now) {
    return new MetadataVerifier(InstantSource.fixed(now));
  }

  static MetadataVerifier verifier() {
    return verifierAt(NOW);
  }

  static RootMetadata root(
      long version,
      List<? extends MetadataSigner> rootKeys,
      int rootThreshold,
      List<? extends MetadataSigner> targetsKeys,
      int targetsThreshold) {
    return RootMetadata.create(
        version,
        NEXT_YEAR,
        rootKeys.stream().map(MetadataSigner::publicKey).toList(),
        rootThreshold,
        targetsKeys.stream().map(MetadataSigner::publicKey).toList(),
        targetsThreshold);
  }

  static byte[] signRoot(RootMetadata root, MetadataSigner... signers) {
    return MetadataSigning.sign(root, List.of(signers)).toBytes();
  }

  static TargetInfo target() {
    return new TargetInfo(
        TARGET_PATH, ARTIFACT.length, Hex.sha256(ARTIFACT), "vibration", "1.5.0", "int8");
  }

  static TargetsMetadata targets(long version) {
    return targets(version, NEXT_YEAR);
  }

  static TargetsMetadata targets(long version, Instant expires) {
    return TargetsMetadata.create(version, expires, List.of(target()));
  }

  static byte[] signTargets(TargetsMetadata targets, MetadataSigner... signers) {
    return MetadataSigning.sign(targets, List.of(signers)).toBytes();
  }

  /** Targets signed by {@code signer}, with its signature listed {@code times} times. */
  static byte[] signTargetsRepeatedly(TargetsMetadata targets, MetadataSigner signer, int times) {
    SignedEnvelope envelope = MetadataSigning.sign(targets, List.of(signer));
    MetadataSignature signature = envelope.signatures().get(0);
    for (int i = 1; i < times; i++) {
      envelope = envelope.withSignature(signature);
    }
    return envelope.toBytes();
  }
}
