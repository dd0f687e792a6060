package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.CanonicalJson;
import dev.tandem.protocol.json.StrictJson;

/**
 * One artifact in targets metadata: its path, exact length and SHA-256, and which model it is.
 *
 * @param path the target path, relative, e.g. {@code models/vibration/1.4.0/int8.tar.gz}
 * @param length the exact artifact length in bytes
 * @param sha256 the artifact's SHA-256 as 64 lower-case hex characters
 * @param model the model name ({@code custom.model})
 * @param version the model version ({@code custom.version})
 * @param variant the build variant, e.g. {@code int8} ({@code custom.variant})
 */
public record TargetInfo(
    String path, long length, String sha256, String model, String version, String variant) {

  /**
   * Validates the target.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} naming the field
   */
  public TargetInfo {
    checkPath(path);
    if (length < 0 || length > CanonicalJson.MAX_SAFE_INTEGER) {
      throw malformed(path, "length must be between 0 and 2^53-1, got " + length);
    }
    Hex.requireHex(sha256, 64, "target '" + path + "' hashes.sha256");
    requireText(path, "custom.model", model);
    requireText(path, "custom.version", version);
    requireText(path, "custom.variant", variant);
  }

  /** The target entry as JSON (without its path, which is the key in {@code targets}). */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.put("length", length);
    node.putObject("hashes").put("sha256", sha256);
    ObjectNode custom = node.putObject("custom");
    custom.put("model", model);
    custom.put("version", version);
    custom.put("variant", variant);
    return node;
  }

  static TargetInfo fromJson(String path, JsonFields fields) {
    JsonFields custom = fields.object("custom");
    return new TargetInfo(
        path,
        fields.integer("length"),
        fields.object("hashes").text("sha256"),
        custom.text("model"),
        custom.text("version"),
        custom.text("variant"));
  }

  private static void checkPath(String path) {
    if (path == null || path.isEmpty()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA, "target path must not be empty");
    }
    if (path.startsWith("/") || path.contains("\\")) {
      throw malformed(path, "path must be relative and use '/' separators");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw malformed(path, "path must not have empty, '.' or '..' segments");
      }
    }
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        throw malformed(path, "path has a control character at index " + i);
      }
    }
  }

  private static void requireText(String path, String field, String value) {
    if (value == null || value.isEmpty()) {
      throw malformed(path, field + " must not be empty");
    }
  }

  private static ProtocolException malformed(String path, String problem) {
    return new ProtocolException(
        ProtocolErrorCode.MALFORMED_METADATA, "target '" + path + "': " + problem);
  }
}
