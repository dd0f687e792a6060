package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import dev.tandem.protocol.signing.metadata.MetadataSignature;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RoleKeys;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Counts the distinct trusted keys whose signature verifies, as TUF does: signatures by keys the
 * role does not trust are ignored, a key that signs twice counts once.
 */
final class SignatureCheck {

  private SignatureCheck() {}

  /**
   * Requires that at least the role's threshold of distinct trusted keys signed {@code envelope}.
   *
   * @param keysFrom the root that defines the role's keys
   * @param what the document, for error messages, e.g. "targets version 3"
   * @throws ProtocolException with {@link ProtocolErrorCode#BAD_SIGNATURE} if a trusted key's
   *     signature fails and the threshold is not met, {@link ProtocolErrorCode#UNKNOWN_KEY} if only
   *     untrusted keys signed, {@link ProtocolErrorCode#THRESHOLD_NOT_MET} otherwise
   * @param memo signature checks that passed before (see {@link VerifiedSignatures})
   */
  static void requireThreshold(
      SignedEnvelope envelope,
      RootMetadata keysFrom,
      MetadataType type,
      String what,
      VerifiedSignatures memo) {
    RoleKeys role = keysFrom.role(type);
    byte[] message = envelope.canonicalSigned();
    Set<String> valid = new LinkedHashSet<>();
    Set<String> bad = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (MetadataSignature signature : envelope.signatures()) {
      String keyId = signature.keyId();
      if (!role.trusts(keyId)) {
        unknown.add(keyId);
      } else if (!valid.contains(keyId)) {
        if (verifies(keysFrom.keys().get(keyId), message, signature, memo)) {
          valid.add(keyId);
        } else {
          bad.add(keyId);
        }
      }
    }
    if (valid.size() >= role.threshold()) {
      return;
    }
    bad.removeAll(valid);
    String tally =
        "; "
            + valid.size()
            + " of the required "
            + role.threshold()
            + " signatures by trusted "
            + type.typeName()
            + " keys are valid (root version "
            + keysFrom.version()
            + ")";
    if (!bad.isEmpty()) {
      throw new ProtocolException(
          ProtocolErrorCode.BAD_SIGNATURE,
          what + ": signature by key " + String.join(", ", bad) + " does not verify" + tally);
    }
    if (valid.isEmpty() && !unknown.isEmpty()) {
      throw new ProtocolException(
          ProtocolErrorCode.UNKNOWN_KEY,
          what
              + ": signed only by keys the "
              + type.typeName()
              + " role does not trust: "
              + String.join(", ", unknown)
              + tally);
    }
    throw new ProtocolException(
        ProtocolErrorCode.THRESHOLD_NOT_MET,
        what
            + ": too few signatures"
            + tally
            + (unknown.isEmpty() ? "" : "; ignored untrusted keys " + String.join(", ", unknown)));
  }

  private static boolean verifies(
      MetadataKey key, byte[] message, MetadataSignature signature, VerifiedSignatures memo) {
    if (key == null || !key.isEd25519()) {
      return false;
    }
    try {
      byte[] publicKey = key.publicKey().getBytes(StandardCharsets.US_ASCII);
      byte[] sig = signature.sigBytes();
      if (memo.remembers(publicKey, sig, message)) {
        return true;
      }
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Ed25519Keys.publicKey(key));
      verifier.update(message);
      boolean valid = verifier.verify(sig);
      if (valid) {
        memo.passed(publicKey, sig, message);
      }
      return valid;
    } catch (GeneralSecurityException | ProtocolException e) {
      // A malformed signature or key point is a signature that does not verify.
      return false;
    }
  }
}
