package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.StrictJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys trusted for one role and how many of them must sign.
 *
 * @param keyIds the ids of the trusted keys, distinct
 * @param threshold how many distinct trusted keys must sign, 1 to {@code keyIds.size()}
 */
public record RoleKeys(List<String> keyIds, int threshold) {

  /**
   * Validates the role.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if there are no key
   *     ids, a duplicate or malformed key id, or an unreachable threshold
   */
  public RoleKeys {
    if (keyIds == null || keyIds.isEmpty()) {
      throw malformed("keyids must list at least one key");
    }
    keyIds = List.copyOf(keyIds);
    Set<String> seen = new HashSet<>();
    for (String keyId : keyIds) {
      Hex.requireHex(keyId, 64, "keyid");
      if (!seen.add(keyId)) {
        throw malformed("keyids lists " + keyId + " twice");
      }
    }
    if (threshold < 1) {
      throw malformed("threshold must be at least 1, got " + threshold);
    }
    if (threshold > keyIds.size()) {
      throw malformed(
          "threshold " + threshold + " can never be met by " + keyIds.size() + " keyids");
    }
  }

  /** Whether {@code keyId} is one of this role's keys. */
  public boolean trusts(String keyId) {
    return keyIds.contains(keyId);
  }

  /** The role as a JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    ArrayNode ids = node.putArray("keyids");
    keyIds.forEach(ids::add);
    node.put("threshold", threshold);
    return node;
  }

  static RoleKeys fromJson(JsonFields fields) {
    long threshold = fields.integer("threshold");
    if (threshold > Integer.MAX_VALUE) {
      throw JsonFields.malformed(fields.child("threshold") + " is too large: " + threshold);
    }
    return new RoleKeys(fields.strings("keyids"), (int) threshold);
  }

  private static ProtocolException malformed(String message) {
    return new ProtocolException(ProtocolErrorCode.MALFORMED_METADATA, "role " + message);
  }
}
