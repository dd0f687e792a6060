package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.CanonicalJson;
import dev.tandem.protocol.json.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A TUF envelope, {@code {"signed": {...}, "signatures": [{"keyid": "...", "sig": "..."}]}}.
 * Signatures cover the RFC 8785 canonical bytes of {@code signed}. Immutable.
 */
public final class SignedEnvelope {

  private final ObjectNode signed;
  private final byte[] canonicalSigned;
  private final List<MetadataSignature> signatures;

  /**
   * Creates an envelope.
   *
   * @param signed the signed JSON object; copied
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if {@code signed}
   *     is not an object, {@link ProtocolErrorCode#NON_CANONICAL_JSON} if it holds a float
   */
  public SignedEnvelope(JsonNode signed, List<MetadataSignature> signatures) {
    if (signed == null || !signed.isObject()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA, "envelope 'signed' must be a JSON object");
    }
    this.signed = (ObjectNode) signed.deepCopy();
    this.canonicalSigned = CanonicalJson.canonicalize(this.signed);
    this.signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
  }

  /**
   * Parses an envelope from UTF-8 JSON; duplicate keys are refused.
   *
   * @param what what is parsed, for error messages, e.g. "targets metadata"
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} naming the problem
   */
  public static SignedEnvelope parse(byte[] json, String what) {
    JsonNode root = StrictJson.parse(json, what, ProtocolErrorCode.MALFORMED_METADATA);
    JsonFields fields = JsonFields.of(root, what);
    JsonNode signed = fields.required("signed");
    if (!signed.isObject()) {
      throw JsonFields.malformed(fields.child("signed") + " must be a JSON object");
    }
    JsonNode sigs = fields.required("signatures");
    if (!sigs.isArray()) {
      throw JsonFields.malformed(fields.child("signatures") + " must be an array");
    }
    List<MetadataSignature> signatures = new ArrayList<>(sigs.size());
    for (int i = 0; i < sigs.size(); i++) {
      signatures.add(
          MetadataSignature.fromJson(JsonFields.of(sigs.get(i), what + ".signatures[" + i + "]")));
    }
    return new SignedEnvelope(signed, signatures);
  }

  /** The {@code signed._type} value. */
  public String type() {
    JsonNode type = signed.get("_type");
    if (type == null || !type.isTextual()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA, "signed._type is missing or not a string");
    }
    return type.textValue();
  }

  /** A copy of the {@code signed} object. */
  public ObjectNode signed() {
    return signed.deepCopy();
  }

  /** The canonical bytes of {@code signed}: exactly what each signature covers. */
  public byte[] canonicalSigned() {
    return canonicalSigned.clone();
  }

  /** The signatures, in envelope order. */
  public List<MetadataSignature> signatures() {
    return signatures;
  }

  /** The signature made by {@code keyId}, if any. */
  public java.util.Optional<MetadataSignature> signatureBy(String keyId) {
    return signatures.stream().filter(s -> s.keyId().equals(keyId)).findFirst();
  }

  /** A new envelope with the same {@code signed} and {@code signature} appended. */
  public SignedEnvelope withSignature(MetadataSignature signature) {
    List<MetadataSignature> more = new ArrayList<>(signatures);
    more.add(Objects.requireNonNull(signature, "signature"));
    return new SignedEnvelope(signed, more);
  }

  /** The envelope as JSON. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.set("signed", signed.deepCopy());
    ArrayNode array = node.putArray("signatures");
    signatures.forEach(s -> array.add(s.toJson()));
    return node;
  }

  /** The envelope as canonical UTF-8 JSON, ready to publish or store. */
  public byte[] toBytes() {
    return CanonicalJson.canonicalize(toJson());
  }
}
