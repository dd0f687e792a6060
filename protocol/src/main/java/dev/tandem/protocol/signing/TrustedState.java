package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device trusts: the pinned root and the newest targets metadata it accepted. Immutable;
 * {@link MetadataVerifier} returns a new state for every accepted document. To survive restarts,
 * persist the accepted envelopes and {@link #targetsVersion()}, and rebuild with {@link
 * MetadataVerifier#pin} and {@link #withTargetsVersionFloor}.
 *
 * @param root the trusted root
 * @param targetsVersion the newest targets version seen; older targets are refused (0: none yet)
 * @param targets the newest accepted targets metadata, if any
 */
public record TrustedState(
    RootMetadata root, long targetsVersion, Optional<TargetsMetadata> targets) {

  /** Validates that the accepted targets are not older than the recorded version. */
  public TrustedState {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(targets, "targets");
    if (targetsVersion < 0) {
      throw new IllegalArgumentException("targetsVersion must be >= 0, got " + targetsVersion);
    }
    targets.ifPresent(
        t -> {
          if (t.version() < targetsVersion) {
            throw new IllegalArgumentException(
                "targets version "
                    + t.version()
                    + " is older than targetsVersion "
                    + targetsVersion);
          }
        });
  }

  /** A state trusting only {@code root}. */
  public static TrustedState of(RootMetadata root) {
    return new TrustedState(root, 0, Optional.empty());
  }

  /** This state with {@code targets} accepted. */
  TrustedState withTargets(TargetsMetadata accepted) {
    return new TrustedState(root, accepted.version(), Optional.of(accepted));
  }

  /**
   * This state, refusing targets older than {@code version} from now on; for restoring the
   * anti-rollback floor after a restart.
   */
  public TrustedState withTargetsVersionFloor(long version) {
    if (version <= targetsVersion) {
      return this;
    }
    return new TrustedState(root, version, targets.filter(t -> t.version() >= version));
  }

  /**
   * The trusted entry for {@code path}.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#UNKNOWN_TARGET} if no targets are
   *     trusted yet or the path is not listed
   */
  public TargetInfo target(String path) {
    TargetsMetadata accepted =
        targets.orElseThrow(
            () ->
                new ProtocolException(
                    ProtocolErrorCode.UNKNOWN_TARGET,
                    "target '" + path + "' requested but no targets metadata is trusted yet"));
    return accepted
        .target(path)
        .orElseThrow(
            () ->
                new ProtocolException(
                    ProtocolErrorCode.UNKNOWN_TARGET,
                    "target '"
                        + path
                        + "' is not listed in trusted targets version "
                        + accepted.version()));
  }
}
