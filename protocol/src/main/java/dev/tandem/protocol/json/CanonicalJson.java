package dev.tandem.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JCS) canonical JSON for the integer-only subset that signed metadata uses: object keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript string escaping, UTF-8 output. Numbers
 * must be integers within ±(2^53-1); floating-point numbers are refused because TUF metadata never
 * has them and their JCS form needs the ECMAScript double-to-string algorithm.
 */
public final class CanonicalJson {

  /** The largest integer magnitude I-JSON (RFC 7493) represents exactly: 2^53 - 1. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final BigInteger MAX = BigInteger.valueOf(MAX_SAFE_INTEGER);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * Returns the canonical UTF-8 bytes of {@code node}.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#NON_CANONICAL_JSON} naming the JSON
   *     path of a floating-point number, an integer beyond ±(2^53-1), a lone surrogate or a
   *     non-JSON node
   */
  public static byte[] canonicalize(JsonNode node) {
    return canonicalString(node).getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the canonical form of {@code node} as a string; see {@link #canonicalize}. */
  public static String canonicalString(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "$", out);
    return out.toString();
  }

  /**
   * Parses UTF-8 JSON strictly (no duplicate keys) and returns its canonical bytes.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#NON_CANONICAL_JSON}
   */
  public static byte[] canonicalize(byte[] json) {
    return canonicalize(StrictJson.parse(json, "JSON input", ProtocolErrorCode.NON_CANONICAL_JSON));
  }

  private static void write(JsonNode node, String path, StringBuilder out) {
    if (node == null) {
      throw refuse(path, "value is missing");
    }
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, path, out);
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), path + "[" + i + "]", out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), path, out);
      case NUMBER -> writeNumber(node, path, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw refuse(path, "node of type " + node.getNodeType() + " is not JSON data");
    }
  }

  private static void writeObject(JsonNode node, String path, StringBuilder out) {
    List<String> keys = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 section 3.2.3 asks.
    keys.sort(String::compareTo);
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (i > 0) {
        out.append(',');
      }
      String childPath = path + "[" + quoteForPath(key) + "]";
      writeString(key, childPath + " (key)", out);
      out.append(':');
      write(node.get(key), childPath, out);
    }
    out.append('}');
  }

  private static void writeNumber(JsonNode node, String path, StringBuilder out) {
    if (!node.isIntegralNumber()) {
      throw refuse(
          path,
          "floating-point number "
              + node.asText()
              + " is not allowed; signed metadata uses integers only");
    }
    BigInteger value = node.bigIntegerValue();
    if (value.abs().compareTo(MAX) > 0) {
      throw refuse(path, "integer " + value + " is outside ±(2^53-1) and not exact in I-JSON");
    }
    out.append(value.toString());
  }

  private static void writeString(String value, String path, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw refuse(
                path, String.format("string has a lone surrogate U+%04X at index %d", (int) c, i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String quoteForPath(String key) {
    StringBuilder out = new StringBuilder("'");
    int end = Math.min(key.length(), 64);
    for (int i = 0; i < end; i++) {
      char c = key.charAt(i);
      out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return out.append(end < key.length() ? "...'" : "'").toString();
  }

  private static ProtocolException refuse(String path, String problem) {
    return new ProtocolException(
        ProtocolErrorCode.NON_CANONICAL_JSON, "cannot canonicalize " + path + ": " + problem);
  }
}
