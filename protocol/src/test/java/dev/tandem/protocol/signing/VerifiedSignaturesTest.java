package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.Repo.NOW;
import static dev.tandem.protocol.signing.Repo.root;
import static dev.tandem.protocol.signing.Repo.signRoot;
import static dev.tandem.protocol.signing.Repo.signTargets;
import static dev.tandem.protocol.signing.Repo.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
  private final Ed25519Signer rootKey = Ed25519Signer.generate();
  private final Ed25519Signer targetsKey = Ed25519Signer.generate();
  private final VerifiedSignatures memo = VerifiedSignatures.shared(16);
  private final InstantSource clock = InstantSource.fixed(NOW);

  private MetadataVerifier verifier() {
    return new MetadataVerifier(clock, memo);
  }

  private byte[] rootJson() {
    return signRoot(root(1, List.of(rootKey), 1, List.of(targetsKey), 1), rootKey);
  }

  @Test
  void secondVerifierOfTheSameBytesIsAnsweredFromTheMemo() {
    byte[] root = rootJson();
    byte[] targets = signTargets(targets(3), targetsKey);

    TrustedState first = verifier().updateTargets(verifier().pin(root), targets);
    long hitsAfterFirst = memo.hits();
    TrustedState second = verifier().updateTargets(verifier().pin(root), targets);

    assertThat(hitsAfterFirst).isZero();
    assertThat(memo.hits()).isEqualTo(2);
    assertThat(second.targetsVersion()).isEqualTo(first.targetsVersion()).isEqualTo(3);
  }

  @Test
  void tamperedBytesWithARememberedSignatureAreStillRefused() {
    TrustedState pinned = verifier().pin(rootJson());
    byte[] targets = signTargets(targets(3), targetsKey);
    verifier().updateTargets(pinned, targets);
    byte[] tampered =
        new String(targets, StandardCharsets.UTF_8)
            .replace("\"1.5.0\"", "\"1.5.1\"")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier().updateTargets(pinned, tampered))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(ProtocolErrorCode.BAD_SIGNATURE));
  }

  @Test
  void failedChecksAreNotRemembered() {
    TrustedState pinned = verifier().pin(rootJson());
    byte[] forged =
        new String(signTargets(targets(3), targetsKey), StandardCharsets.UTF_8)
            .replace("\"1.5.0\"", "\"1.5.1\"")
            .getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> verifier().updateTargets(pinned, forged))
          .isInstanceOf(ProtocolException.class);
    }
    assertThat(memo.hits()).isZero();
  }

  @Test
  void noneVerifiesEveryTime() {
    var plain = new MetadataVerifier(clock, VerifiedSignatures.none());
    plain.pin(rootJson());
    plain.pin(rootJson());

    assertThat(VerifiedSignatures.none().hits()).isZero();
  }

  @Test
  void capacityMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VerifiedSignatures.shared(0))
        .withMessageContaining("capacity");
  }
}
