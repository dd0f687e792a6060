package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.MetadataVerifierTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

  private final TargetInfo target = Repo.target();
  private final byte[] artifact = Repo.ARTIFACT;

  @Test
  void acceptsTheSignedArtifact() throws Exception {
    assertThatCode(() -> TargetCheck.verify(target, artifact)).doesNotThrowAnyException();
    TargetCheck.verify(target, new ByteArrayInputStream(artifact));
    TargetCheck.verify(target, artifact.length, Hex.sha256(artifact).toUpperCase());
  }

  @Test
  void acceptsAnArtifactFedInChunks() {
    TargetCheck check = TargetCheck.start(target);
    check.update(artifact, 0, 10);
    check.update(artifact, 10, artifact.length - 10);

    assertThat(check.received()).isEqualTo(artifact.length);
    assertThatCode(check::finish).doesNotThrowAnyException();
  }

  @Test
  void rejectsATruncatedArtifact() {
    byte[] shorter = Arrays.copyOf(artifact, artifact.length - 1);

    assertRefused(
        () -> TargetCheck.verify(target, shorter),
        ProtocolErrorCode.LENGTH_MISMATCH,
        "has " + shorter.length + " bytes but its signed length is " + artifact.length);
  }

  @Test
  void cutsOffADownloadLongerThanSigned() {
    TargetCheck check = TargetCheck.start(target);
    check.update(artifact, 0, artifact.length);

    assertRefused(
        () -> check.update(new byte[] {1}, 0, 1),
        ProtocolErrorCode.LENGTH_MISMATCH,
        "more than " + artifact.length + " bytes (download cut off)");
  }

  @Test
  void rejectsAnArtifactWithTheRightLengthButOtherContent() {
    byte[] changed = artifact.clone();
    changed[0] ^= 1;

    assertRefused(
        () -> TargetCheck.verify(target, changed),
        ProtocolErrorCode.HASH_MISMATCH,
        "has sha256 " + Hex.sha256(changed) + " but its signed sha256 is " + target.sha256());
  }

  @Test
  void rejectsMismatchedLengthOrHashReportedByAStore() {
    assertRefused(
        () -> TargetCheck.verify(target, artifact.length + 1L, target.sha256()),
        ProtocolErrorCode.LENGTH_MISMATCH,
        "signed length");
    assertRefused(
        () -> TargetCheck.verify(target, artifact.length, "00".repeat(32)),
        ProtocolErrorCode.HASH_MISMATCH,
        "signed sha256");
  }
}
