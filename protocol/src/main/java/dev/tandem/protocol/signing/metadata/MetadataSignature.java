package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.json.StrictJson;

/**
 * One entry of an envelope's {@code signatures}: which key signed, and the signature.
 *
 * @param keyId the signing key's id, 64 lower-case hex characters
 * @param sig the signature as lower-case hex (128 characters for Ed25519)
 */
public record MetadataSignature(String keyId, String sig) {

  /**
   * Validates both fields as lower-case hex.
   *
   * @throws dev.tandem.protocol.ProtocolException with {@code MALFORMED_METADATA} otherwise
   */
  public MetadataSignature {
    Hex.requireHex(keyId, 64, "signature keyid");
    Hex.requireHex(sig, -1, "signature sig of key " + keyId);
  }

  /** The signature bytes. */
  public byte[] sigBytes() {
    return Hex.decode(sig, "signature sig");
  }

  /** The entry as a JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.put("keyid", keyId);
    node.put("sig", sig);
    return node;
  }

  static MetadataSignature fromJson(JsonFields fields) {
    return new MetadataSignature(fields.text("keyid"), fields.text("sig"));
  }
}
