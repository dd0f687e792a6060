package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.Repo.NOW;
import static dev.tandem.protocol.signing.Repo.root;
import static dev.tandem.protocol.signing.Repo.signRoot;
import static dev.tandem.protocol.signing.Repo.signTargets;
import static dev.tandem.protocol.signing.Repo.targets;
import static dev.tandem.protocol.signing.Repo.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataVerifierTest {

  private final Ed25519Signer rootKey = Ed25519Signer.generate();
  private final Ed25519Signer targetsKey = Ed25519Signer.generate();
  private final Ed25519Signer secondTargetsKey = Ed25519Signer.generate();
  private final Ed25519Signer strangerKey = Ed25519Signer.generate();
  private TrustedState pinned;

  @BeforeEach
  void pinRoot() {
    pinned =
        verifier().pin(signRoot(root(1, List.of(rootKey), 1, List.of(targetsKey), 1), rootKey));
  }

  @Test
  void acceptsTargetsSignedByTheTargetsKey() {
    TrustedState state = verifier().updateTargets(pinned, signTargets(targets(3), targetsKey));

    assertThat(state.targetsVersion()).isEqualTo(3);
    assertThat(state.target(Repo.TARGET_PATH)).isEqualTo(Repo.target());
    assertThat(pinned.targets()).isEmpty();
  }

  @Test
  void rejectsTargetsWhoseSignedContentChanged() {
    String json = new String(signTargets(targets(3), targetsKey), StandardCharsets.UTF_8);
    byte[] tampered = json.replace("\"1.5.0\"", "\"1.5.1\"").getBytes(StandardCharsets.UTF_8);

    assertRefused(
        () -> verifier().updateTargets(pinned, tampered),
        ProtocolErrorCode.BAD_SIGNATURE,
        "signature by key " + targetsKey.keyId() + " does not verify");
  }

  @Test
  void rejectsTooFewSignatures() {
    TrustedState twoOfTwo =
        verifier()
            .pin(
                signRoot(
                    root(1, List.of(rootKey), 1, List.of(targetsKey, secondTargetsKey), 2),
                    rootKey));

    assertRefused(
        () -> verifier().updateTargets(twoOfTwo, signTargets(targets(1), targetsKey)),
        ProtocolErrorCode.THRESHOLD_NOT_MET,
        "1 of the required 2 signatures by trusted targets keys are valid");
    assertThat(
            verifier()
                .updateTargets(twoOfTwo, signTargets(targets(1), targetsKey, secondTargetsKey))
                .targetsVersion())
        .isEqualTo(1);
  }

  @Test
  void countsDuplicateSignaturesBySameKeyOnce() {
    TrustedState twoOfTwo =
        verifier()
            .pin(
                signRoot(
                    root(1, List.of(rootKey), 1, List.of(targetsKey, secondTargetsKey), 2),
                    rootKey));

    assertRefused(
        () ->
            verifier()
                .updateTargets(twoOfTwo, Repo.signTargetsRepeatedly(targets(1), targetsKey, 3)),
        ProtocolErrorCode.THRESHOLD_NOT_MET,
        "1 of the required 2");
  }

  @Test
  void rejectsTargetsSignedOnlyByUnknownKeys() {
    assertRefused(
        () -> verifier().updateTargets(pinned, signTargets(targets(1), strangerKey)),
        ProtocolErrorCode.UNKNOWN_KEY,
        "signed only by keys the targets role does not trust: " + strangerKey.keyId());
  }

  @Test
  void rejectsTargetsSignedByTheRootKeyInsteadOfTheTargetsKey() {
    assertRefused(
        () -> verifier().updateTargets(pinned, signTargets(targets(1), rootKey)),
        ProtocolErrorCode.UNKNOWN_KEY,
        rootKey.keyId());
  }

  @Test
  void ignoresUnknownKeysOnceTheThresholdIsMet() {
    TrustedState state =
        verifier().updateTargets(pinned, signTargets(targets(1), strangerKey, targetsKey));

    assertThat(state.targetsVersion()).isEqualTo(1);
  }

  @Test
  void rejectsTargetsWithoutSignatures() {
    assertRefused(
        () -> verifier().updateTargets(pinned, signTargets(targets(1))),
        ProtocolErrorCode.THRESHOLD_NOT_MET,
        "0 of the required 1");
  }

  @Test
  void rejectsExpiredTargets() {
    byte[] expiresNow = signTargets(targets(1, NOW), targetsKey);
    byte[] expiresSoon = signTargets(targets(1, NOW.plusSeconds(1)), targetsKey);

    assertRefused(
        () -> verifier().updateTargets(pinned, expiresNow),
        ProtocolErrorCode.EXPIRED,
        "targets version 1 expired at 2026-03-01T12:00:00Z");
    assertThat(verifier().updateTargets(pinned, expiresSoon).targetsVersion()).isEqualTo(1);
  }

  @Test
  void rejectsTargetsOnceTheTrustedRootExpired() {
    assertRefused(
        () ->
            Repo.verifierAt(Repo.NEXT_YEAR.plus(1, ChronoUnit.DAYS))
                .updateTargets(pinned, signTargets(targets(1), targetsKey)),
        ProtocolErrorCode.EXPIRED,
        "trusted root version 1 expired");
  }

  @Test
  void rejectsMetadataOlderThanSeen() {
    TrustedState seen5 = verifier().updateTargets(pinned, signTargets(targets(5), targetsKey));

    assertRefused(
        () -> verifier().updateTargets(seen5, signTargets(targets(4), targetsKey)),
        ProtocolErrorCode.ROLLBACK,
        "targets version 4 is older than version 5 already seen");
  }

  @Test
  void acceptsTheSameVersionAgainForRetainedRedelivery() {
    byte[] targets = signTargets(targets(5), targetsKey);
    TrustedState seen5 = verifier().updateTargets(pinned, targets);

    assertThat(verifier().updateTargets(seen5, targets)).isEqualTo(seen5);
  }

  @Test
  void rejectsRollbackAfterRestartWithPersistedFloor() {
    TrustedState restarted = pinned.withTargetsVersionFloor(7);

    assertRefused(
        () -> verifier().updateTargets(restarted, signTargets(targets(6), targetsKey)),
        ProtocolErrorCode.ROLLBACK,
        "older than version 7");
  }

  @Test
  void rejectsRootGivenAsTargetsAndTargetsGivenAsRoot() {
    byte[] rootJson = signRoot(root(2, List.of(rootKey), 1, List.of(targetsKey), 1), rootKey);

    assertRefused(
        () -> verifier().updateTargets(pinned, rootJson),
        ProtocolErrorCode.WRONG_TYPE,
        "expected targets metadata but signed._type is 'root'");
    assertRefused(
        () -> verifier().updateRoot(pinned, signTargets(targets(1), targetsKey)),
        ProtocolErrorCode.WRONG_TYPE,
        "expected root metadata but signed._type is 'targets'");
  }

  @Test
  void rejectsMalformedMetadata() {
    assertRefused(
        () -> verifier().updateTargets(pinned, "not json".getBytes(StandardCharsets.UTF_8)),
        ProtocolErrorCode.MALFORMED_METADATA,
        "targets metadata is not valid JSON");
    assertRefused(
        () -> verifier().updateTargets(pinned, new byte[0]),
        ProtocolErrorCode.MALFORMED_METADATA,
        "targets metadata is empty");
  }

  @Test
  void rejectsFloatingPointNumbersInSignedMetadata() {
    String json = new String(signTargets(targets(3), targetsKey), StandardCharsets.UTF_8);
    byte[] withFloat =
        json.replace("\"version\":3", "\"version\":3.0").getBytes(StandardCharsets.UTF_8);

    assertRefused(
        () -> verifier().updateTargets(pinned, withFloat),
        ProtocolErrorCode.NON_CANONICAL_JSON,
        "$['version']: floating-point number 3.0 is not allowed");
  }

  @Test
  void pinRefusesRootNotSignedByItsOwnKeys() {
    assertRefused(
        () ->
            verifier()
                .pin(signRoot(root(1, List.of(rootKey), 1, List.of(targetsKey), 1), strangerKey)),
        ProtocolErrorCode.UNKNOWN_KEY,
        "root role does not trust");
  }

  @Test
  void refusedUpdateLeavesTheStateAsItWas() {
    TrustedState seen5 = verifier().updateTargets(pinned, signTargets(targets(5), targetsKey));

    try {
      verifier().updateTargets(seen5, signTargets(targets(4), targetsKey));
    } catch (ProtocolException expected) {
      // refused
    }

    assertThat(seen5.targetsVersion()).isEqualTo(5);
    assertThat(seen5.targets().orElseThrow().version()).isEqualTo(5);
  }

  @Test
  void targetLookupRefusesUnlistedPaths() {
    assertRefused(
        () -> pinned.target(Repo.TARGET_PATH),
        ProtocolErrorCode.UNKNOWN_TARGET,
        "no targets metadata is trusted yet");
    TrustedState state = verifier().updateTargets(pinned, signTargets(targets(2), targetsKey));
    assertRefused(
        () -> state.target("models/other/1.0.0/fp32.tar.gz"),
        ProtocolErrorCode.UNKNOWN_TARGET,
        "is not listed in trusted targets version 2");
  }

  static void assertRefused(Runnable call, ProtocolErrorCode code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(code);
  }
}
