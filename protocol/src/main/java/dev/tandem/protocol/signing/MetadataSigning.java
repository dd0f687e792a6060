package dev.tandem.protocol.signing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.MetadataSignature;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Wraps metadata in a signed envelope, one signature per signer over the canonical bytes. */
public final class MetadataSigning {

  private MetadataSigning() {}

  /** Signs root metadata with every signer. */
  public static SignedEnvelope sign(RootMetadata root, List<? extends MetadataSigner> signers) {
    return sign(root.toJson(), signers);
  }

  /** Signs targets metadata with every signer. */
  public static SignedEnvelope sign(
      TargetsMetadata targets, List<? extends MetadataSigner> signers) {
    return sign(targets.toJson(), signers);
  }

  /**
   * Signs an arbitrary {@code signed} object with every signer.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#SIGNING_FAILED} if two signers share a
   *     key or a signer fails, {@link ProtocolErrorCode#NON_CANONICAL_JSON} if {@code signed} has a
   *     float
   */
  public static SignedEnvelope sign(JsonNode signed, List<? extends MetadataSigner> signers) {
    SignedEnvelope unsigned = new SignedEnvelope(signed, List.of());
    byte[] canonical = unsigned.canonicalSigned();
    List<MetadataSignature> signatures = new ArrayList<>(signers.size());
    Set<String> keyIds = new HashSet<>();
    for (MetadataSigner signer : signers) {
      String keyId = signer.keyId();
      if (!keyIds.add(keyId)) {
        throw new ProtocolException(
            ProtocolErrorCode.SIGNING_FAILED, "two signers use the same key " + keyId);
      }
      signatures.add(new MetadataSignature(keyId, Hex.encode(signer.sign(canonical))));
    }
    return new SignedEnvelope(signed, signatures);
  }
}
