package dev.tandem.edge.update;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.update.UpdateFailureReason;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the signed metadata a desired state carries against what the device trusts: new roots in
 * order (each signed by the old root's threshold and its own), then the targets (signatures,
 * threshold, expiry, not older than seen), then that each desired model is a signed target of the
 * same model, version and variant.
 */
final class MetadataCheck {
  private final MetadataVerifier verifier;

  MetadataCheck(MetadataVerifier verifier) {
    this.verifier = verifier;
  }

  /** The outcome: the new trusted state, and the newest root's JSON if the root changed. */
  record Verified(TrustedState state, byte[] newRoot) {}

  /**
   * @throws UpdateException with the reason the protocol gives (signature_invalid, unknown_key,
   *     metadata_rollback, root_rotation_unsigned, ...)
   */
  Verified verify(TrustedState trusted, DesiredState desired) {
    try {
      List<byte[]> roots = newerRoots(trusted, desired);
      TrustedState state = roots.isEmpty() ? trusted : verifier.updateRoots(trusted, roots);
      byte[] newRoot = roots.isEmpty() ? null : roots.get(roots.size() - 1);
      if (desired.getTargetsMetadata().isEmpty()) {
        throw new UpdateException(
            UpdateFailureReason.PAYLOAD_MALFORMED, "desired state has no targets_metadata");
      }
      state = verifier.updateTargets(state, desired.getTargetsMetadata().toByteArray());
      return new Verified(state, newRoot);
    } catch (ProtocolException e) {
      throw UpdateException.of(e);
    }
  }

  /**
   * The roots after the trusted one. Roots the device already has are skipped, so one retained
   * desired state can carry the whole chain for devices at different roots.
   */
  private static List<byte[]> newerRoots(TrustedState trusted, DesiredState desired) {
    List<byte[]> newer = new ArrayList<>();
    long have = trusted.root().version();
    for (var bytes : desired.getRootMetadataList()) {
      byte[] json = bytes.toByteArray();
      long version =
          RootMetadata.fromJson(SignedEnvelope.parse(json, MetadataType.ROOT.typeName()).signed())
              .version();
      if (version > have) {
        newer.add(json);
      }
    }
    return newer;
  }

  /**
   * The signed target for {@code model}.
   *
   * @throws UpdateException with target_mismatch if it is not signed, or signed for another model,
   *     version or variant (mix-and-match)
   */
  static TargetInfo target(TrustedState state, DesiredModel model) {
    TargetInfo target;
    try {
      target = state.target(model.getTargetPath());
    } catch (ProtocolException e) {
      throw UpdateException.of(e);
    }
    if (!target.model().equals(model.getName())
        || !target.version().equals(model.getVersion())
        || !target.variant().equals(model.getVariant())) {
      throw new UpdateException(
          UpdateFailureReason.TARGET_MISMATCH,
          "desired "
              + model.getName()
              + " "
              + model.getVersion()
              + " ("
              + model.getVariant()
              + ") names target '"
              + target.path()
              + "', which is signed for "
              + target.model()
              + " "
              + target.version()
              + " ("
              + target.variant()
              + ")");
    }
    if (!ModelStore.safeName(target.model()) || !ModelStore.safeName(target.version())) {
      throw new UpdateException(
          UpdateFailureReason.TARGET_MISMATCH,
          "model name or version of target '" + target.path() + "' is not a safe directory name");
    }
    return target;
  }
}
