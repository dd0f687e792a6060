package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.MetadataVerifierTest.assertRefused;
import static dev.tandem.protocol.signing.Repo.root;
import static dev.tandem.protocol.signing.Repo.signRoot;
import static dev.tandem.protocol.signing.Repo.signTargets;
import static dev.tandem.protocol.signing.Repo.targets;
import static dev.tandem.protocol.signing.Repo.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RootRotationTest {

  private final Ed25519Signer oldRootKey = Ed25519Signer.generate();
  private final Ed25519Signer newRootKey = Ed25519Signer.generate();
  private final Ed25519Signer oldTargetsKey = Ed25519Signer.generate();
  private final Ed25519Signer newTargetsKey = Ed25519Signer.generate();
  private TrustedState pinned;
  private RootMetadata rotated;

  @BeforeEach
  void pinVersionOne() {
    pinned =
        verifier()
            .pin(signRoot(root(1, List.of(oldRootKey), 1, List.of(oldTargetsKey), 1), oldRootKey));
    rotated = root(2, List.of(newRootKey), 1, List.of(newTargetsKey), 1);
  }

  @Test
  void rotatesRootSignedByOldAndNewRootKeys() {
    TrustedState state = verifier().updateRoot(pinned, signRoot(rotated, oldRootKey, newRootKey));

    assertThat(state.root()).isEqualTo(rotated);
    assertThat(
            verifier()
                .updateTargets(state, signTargets(targets(1), newTargetsKey))
                .targetsVersion())
        .isEqualTo(1);
  }

  @Test
  void stopsTrustingTheOldTargetsKeyAfterRotation() {
    TrustedState state = verifier().updateRoot(pinned, signRoot(rotated, oldRootKey, newRootKey));

    assertRefused(
        () -> verifier().updateTargets(state, signTargets(targets(9), oldTargetsKey)),
        ProtocolErrorCode.UNKNOWN_KEY,
        oldTargetsKey.keyId());
  }

  @Test
  void rejectsNewRootSignedOnlyByItself() {
    assertRefused(
        () -> verifier().updateRoot(pinned, signRoot(rotated, newRootKey)),
        ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
        "new root version 2 is not signed by the threshold of trusted root version 1");
  }

  @Test
  void rejectsNewRootSignedOnlyByThePreviousRoot() {
    assertRefused(
        () -> verifier().updateRoot(pinned, signRoot(rotated, oldRootKey)),
        ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
        "new root version 2 is not signed by the threshold of its own root role");
  }

  @Test
  void rejectsRotationBelowThePreviousThreshold() {
    Ed25519Signer secondOldRootKey = Ed25519Signer.generate();
    TrustedState twoOfTwo =
        verifier()
            .pin(
                signRoot(
                    root(1, List.of(oldRootKey, secondOldRootKey), 2, List.of(oldTargetsKey), 1),
                    oldRootKey,
                    secondOldRootKey));

    assertRefused(
        () -> verifier().updateRoot(twoOfTwo, signRoot(rotated, oldRootKey, newRootKey)),
        ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
        "1 of the required 2");
  }

  @Test
  void rejectsOlderOrSameRootVersion() {
    byte[] versionOne =
        signRoot(root(1, List.of(oldRootKey), 1, List.of(oldTargetsKey), 1), oldRootKey);

    assertRefused(
        () -> verifier().updateRoot(pinned, versionOne),
        ProtocolErrorCode.ROLLBACK,
        "root version 1 is not newer than trusted root version 1");
  }

  @Test
  void rejectsSkippedRootVersion() {
    RootMetadata versionThree = root(3, List.of(newRootKey), 1, List.of(newTargetsKey), 1);

    assertRefused(
        () -> verifier().updateRoot(pinned, signRoot(versionThree, oldRootKey, newRootKey)),
        ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
        "root version 3 skips version 2");
  }

  @Test
  void appliesAChainOfRootsInOrder() {
    Ed25519Signer thirdRootKey = Ed25519Signer.generate();
    RootMetadata versionThree = root(3, List.of(thirdRootKey), 1, List.of(newTargetsKey), 1);

    TrustedState state =
        verifier()
            .updateRoots(
                pinned,
                List.of(
                    signRoot(rotated, oldRootKey, newRootKey),
                    signRoot(versionThree, newRootKey, thirdRootKey)));

    assertThat(state.root().version()).isEqualTo(3);
  }

  @Test
  void rejectsRotationToAnExpiredRoot() {
    var afterExpiry = Repo.verifierAt(Repo.NEXT_YEAR.plus(1, ChronoUnit.DAYS));

    assertRefused(
        () -> afterExpiry.updateRoot(pinned, signRoot(rotated, oldRootKey, newRootKey)),
        ProtocolErrorCode.EXPIRED,
        "root version 2 expired");
  }

  @Test
  void keepsTheTargetsVersionWhenTargetsKeysStay() {
    TrustedState seen4 = verifier().updateTargets(pinned, signTargets(targets(4), oldTargetsKey));
    RootMetadata sameTargets = root(2, List.of(newRootKey), 1, List.of(oldTargetsKey), 1);

    TrustedState state =
        verifier().updateRoot(seen4, signRoot(sameTargets, oldRootKey, newRootKey));

    assertThat(state.targetsVersion()).isEqualTo(4);
    assertRefused(
        () -> verifier().updateTargets(state, signTargets(targets(3), oldTargetsKey)),
        ProtocolErrorCode.ROLLBACK,
        "targets version 3 is older than version 4");
  }

  @Test
  void resetsTheTargetsVersionWhenTargetsKeysRotate() {
    TrustedState seen4 = verifier().updateTargets(pinned, signTargets(targets(4), oldTargetsKey));

    TrustedState state = verifier().updateRoot(seen4, signRoot(rotated, oldRootKey, newRootKey));

    assertThat(state.targetsVersion()).isZero();
    assertThat(state.targets()).isEmpty();
    assertThat(
            verifier()
                .updateTargets(state, signTargets(targets(1), newTargetsKey))
                .targetsVersion())
        .isEqualTo(1);
  }
}
