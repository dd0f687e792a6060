package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Device-side verification of TUF-style signed metadata, following the TUF client workflow for root
 * and targets roles. Stateless: each call takes a {@link TrustedState} and returns the next one, or
 * throws a {@link ProtocolException} and leaves the caller's state untouched.
 */
public final class MetadataVerifier {

  private final InstantSource clock;
  private final VerifiedSignatures memo;

  /** Creates a verifier that judges expiry by {@code clock}. */
  public MetadataVerifier(InstantSource clock) {
    this(clock, VerifiedSignatures.none());
  }

  /**
   * Creates a verifier that also skips signature checks {@code memo} saw pass (verifiers of a
   * simulated fleet in one process share one).
   */
  public MetadataVerifier(InstantSource clock, VerifiedSignatures memo) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.memo = Objects.requireNonNull(memo, "memo");
  }

  /**
   * Pins a root at provisioning. The root must be signed by its own root role's threshold; expiry
   * is not checked here (TUF checks it after updating the root).
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#WRONG_TYPE}, {@link
   *     ProtocolErrorCode#MALFORMED_METADATA} or a signature code
   */
  public TrustedState pin(byte[] rootJson) {
    SignedEnvelope envelope = parse(rootJson, MetadataType.ROOT);
    RootMetadata root = RootMetadata.fromJson(envelope.signed());
    SignatureCheck.requireThreshold(
        envelope, root, MetadataType.ROOT, "root version " + root.version(), memo);
    return TrustedState.of(root);
  }

  /** Applies one new root; see {@link #updateRoots}. */
  public TrustedState updateRoot(TrustedState state, byte[] newRootJson) {
    return updateRoots(state, List.of(newRootJson));
  }

  /**
   * Applies new roots in ascending version order. Each must have exactly the next version and be
   * signed by the threshold of both the root before it and itself. If the targets keys change, the
   * remembered targets version is reset, as TUF does to recover from a fast-forward attack.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#ROLLBACK} for a version not newer than
   *     trusted, {@link ProtocolErrorCode#ROOT_ROTATION_UNTRUSTED} for a skipped version or missing
   *     signatures, {@link ProtocolErrorCode#EXPIRED} if the final root has expired
   */
  public TrustedState updateRoots(TrustedState state, List<byte[]> newRootsJson) {
    Objects.requireNonNull(state, "state");
    TrustedState current = state;
    for (byte[] json : newRootsJson) {
      current = rotate(current, json);
    }
    requireNotExpired(current.root().expires(), "root version " + current.root().version());
    return current;
  }

  /**
   * Accepts targets metadata signed by the trusted root's targets role.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#EXPIRED} if the trusted root or the
   *     targets expired, {@link ProtocolErrorCode#ROLLBACK} if older than the last seen version,
   *     {@link ProtocolErrorCode#WRONG_TYPE}, {@link ProtocolErrorCode#MALFORMED_METADATA} or a
   *     signature code
   */
  public TrustedState updateTargets(TrustedState state, byte[] targetsJson) {
    Objects.requireNonNull(state, "state");
    RootMetadata root = state.root();
    requireNotExpired(root.expires(), "trusted root version " + root.version());
    SignedEnvelope envelope = parse(targetsJson, MetadataType.TARGETS);
    SignatureCheck.requireThreshold(envelope, root, MetadataType.TARGETS, "targets metadata", memo);
    TargetsMetadata targets = TargetsMetadata.fromJson(envelope.signed());
    if (targets.version() < state.targetsVersion()) {
      throw new ProtocolException(
          ProtocolErrorCode.ROLLBACK,
          "targets version "
              + targets.version()
              + " is older than version "
              + state.targetsVersion()
              + " already seen");
    }
    requireNotExpired(targets.expires(), "targets version " + targets.version());
    return state.withTargets(targets);
  }

  private TrustedState rotate(TrustedState state, byte[] json) {
    RootMetadata trusted = state.root();
    SignedEnvelope envelope = parse(json, MetadataType.ROOT);
    RootMetadata next = RootMetadata.fromJson(envelope.signed());
    if (next.version() <= trusted.version()) {
      throw new ProtocolException(
          ProtocolErrorCode.ROLLBACK,
          "root version "
              + next.version()
              + " is not newer than trusted root version "
              + trusted.version());
    }
    if (next.version() != trusted.version() + 1) {
      throw new ProtocolException(
          ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
          "root version "
              + next.version()
              + " skips version "
              + (trusted.version() + 1)
              + "; apply every intermediate root in order");
    }
    String what = "new root version " + next.version();
    requireRootSignatures(envelope, trusted, what, "trusted root version " + trusted.version());
    requireRootSignatures(envelope, next, what, "its own root role");
    boolean targetsKeysChanged = !next.targetsRole().equals(trusted.targetsRole());
    return targetsKeysChanged
        ? new TrustedState(next, 0, Optional.empty())
        : new TrustedState(next, state.targetsVersion(), state.targets());
  }

  private void requireRootSignatures(
      SignedEnvelope envelope, RootMetadata keysFrom, String what, String signer) {
    try {
      SignatureCheck.requireThreshold(envelope, keysFrom, MetadataType.ROOT, what, memo);
    } catch (ProtocolException e) {
      throw new ProtocolException(
          ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
          what + " is not signed by the threshold of " + signer + ": " + e.getMessage(),
          e);
    }
  }

  private static SignedEnvelope parse(byte[] json, MetadataType expected) {
    SignedEnvelope envelope = SignedEnvelope.parse(json, expected.typeName() + " metadata");
    String type = envelope.type();
    if (!expected.typeName().equals(type)) {
      throw new ProtocolException(
          ProtocolErrorCode.WRONG_TYPE,
          "expected " + expected.typeName() + " metadata but signed._type is '" + type + "'");
    }
    return envelope;
  }

  private void requireNotExpired(Instant expires, String what) {
    Instant now = clock.instant();
    if (!now.isBefore(expires)) {
      throw new ProtocolException(
          ProtocolErrorCode.EXPIRED, what + " expired at " + expires + " (now " + now + ")");
    }
  }
}
