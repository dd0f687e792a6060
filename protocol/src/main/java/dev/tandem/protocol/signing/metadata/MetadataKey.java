package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.CanonicalJson;
import dev.tandem.protocol.json.StrictJson;

/**
 * A public key as listed in root metadata: {@code {"keytype": "ed25519", "scheme": "ed25519",
 * "keyval": {"public": "<64 hex>"}}}. Keys of other types are carried but cannot verify anything.
 *
 * @param keyType the TUF key type, e.g. {@code ed25519}
 * @param scheme the TUF signature scheme, e.g. {@code ed25519}
 * @param publicKey the public key; for Ed25519 the 32 raw bytes as lower-case hex
 */
public record MetadataKey(String keyType, String scheme, String publicKey) {

  /** Key type and scheme name of Ed25519 keys. */
  public static final String ED25519 = "ed25519";

  /**
   * Validates the key.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if a field is empty
   *     or an Ed25519 public key is not 64 lower-case hex characters
   */
  public MetadataKey {
    requireText(keyType, "keytype");
    requireText(scheme, "scheme");
    requireText(publicKey, "keyval.public");
    if (ED25519.equals(keyType)) {
      Hex.requireHex(publicKey, 64, "ed25519 keyval.public");
    }
  }

  /** An Ed25519 key from its 32 raw public-key bytes as hex. */
  public static MetadataKey ed25519(String publicKeyHex) {
    return new MetadataKey(ED25519, ED25519, publicKeyHex);
  }

  /** Whether this is an Ed25519 key with the Ed25519 scheme, the only kind Tandem verifies. */
  public boolean isEd25519() {
    return ED25519.equals(keyType) && ED25519.equals(scheme);
  }

  /** The TUF key id: hex SHA-256 of the canonical JSON of {@link #toJson()}. */
  public String keyId() {
    return Hex.sha256(CanonicalJson.canonicalize(toJson()));
  }

  /** The key as a JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.put("keytype", keyType);
    node.put("scheme", scheme);
    node.putObject("keyval").put("public", publicKey);
    return node;
  }

  static MetadataKey fromJson(JsonFields fields) {
    return new MetadataKey(
        fields.text("keytype"), fields.text("scheme"), fields.object("keyval").text("public"));
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA, "key " + field + " must not be empty");
    }
  }
}
