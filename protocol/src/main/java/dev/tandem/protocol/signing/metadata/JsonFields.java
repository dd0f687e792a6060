package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads required fields of one JSON object, naming the full path in every error. */
final class JsonFields {

  private static final Pattern TUF_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Wraps {@code node}, which must be a JSON object. */
  static JsonFields of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw malformed(path + " must be a JSON object");
    }
    return new JsonFields(node, path);
  }

  String path() {
    return path;
  }

  String child(String name) {
    return path + "." + name;
  }

  JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw malformed(child(name) + " is missing");
    }
    return value;
  }

  boolean has(String name) {
    return node.hasNonNull(name);
  }

  String text(String name) {
    JsonNode value = required(name);
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw malformed(child(name) + " must be a non-empty string, got " + describe(value));
    }
    return value.textValue();
  }

  long integer(String name) {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw malformed(child(name) + " must be an integer, got " + describe(value));
    }
    return value.longValue();
  }

  boolean bool(String name, boolean fallback) {
    if (!has(name)) {
      return fallback;
    }
    JsonNode value = node.get(name);
    if (!value.isBoolean()) {
      throw malformed(child(name) + " must be true or false, got " + describe(value));
    }
    return value.booleanValue();
  }

  Instant time(String name) {
    String text = text(name);
    if (!TUF_TIME.matcher(text).matches()) {
      throw malformed(child(name) + " must look like 2030-01-31T00:00:00Z, got '" + text + "'");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw malformed(child(name) + " is not a valid time: '" + text + "'");
    }
  }

  JsonFields object(String name) {
    return of(required(name), child(name));
  }

  List<String> strings(String name) {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw malformed(child(name) + " must be an array, got " + describe(value));
    }
    List<String> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw malformed(child(name) + "[" + i + "] must be a string, got " + describe(item));
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** The members of this object, in document order. */
  Iterator<Map.Entry<String, JsonNode>> members() {
    return node.properties().iterator();
  }

  static ProtocolException malformed(String message) {
    return new ProtocolException(ProtocolErrorCode.MALFORMED_METADATA, message);
  }

  private static String describe(JsonNode value) {
    return value.isContainerNode()
        ? value.getNodeType().toString().toLowerCase()
        : value.toString();
  }
}
