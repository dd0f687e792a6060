package dev.tandem.protocol.topic;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;

/**
 * Validation of a single MQTT topic level that comes from outside (a device id, a share group), so
 * that it can never add levels or wildcards to a topic.
 */
final class TopicLevel {

  static final int MAX_LENGTH = 64;
  private static final int MAX_ECHO = 80;

  private TopicLevel() {}

  /**
   * Checks {@code value} against [A-Za-z0-9._-], 1 to 64 characters, not starting with '.' or '-'.
   *
   * @param what the name of the value in error messages, e.g. "device id"
   * @throws ProtocolException with {@code code} naming the first violation
   */
  static void check(String value, String what, ProtocolErrorCode code) {
    if (value == null) {
      throw new ProtocolException(code, what + " must not be null");
    }
    if (value.isEmpty()) {
      throw new ProtocolException(code, what + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new ProtocolException(
          code,
          what
              + " must be at most "
              + MAX_LENGTH
              + " characters, got "
              + value.length()
              + ": "
              + echo(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!allowed(c)) {
        throw new ProtocolException(
            code,
            what + " " + echo(value) + " contains " + describe(c) + " at index " + i + reason(c));
      }
    }
    char first = value.charAt(0);
    if (first == '.' || first == '-') {
      throw new ProtocolException(
          code, what + " " + echo(value) + " must not start with '" + first + "'");
    }
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  private static String reason(char c) {
    return switch (c) {
      case '/' -> " (would add a topic level)";
      case '+', '#' -> " (an MQTT wildcard)";
      default -> " (allowed: A-Z a-z 0-9 . _ -)";
    };
  }

  private static String describe(char c) {
    if (Character.isWhitespace(c)) {
      return String.format("whitespace U+%04X", (int) c);
    }
    if (Character.isISOControl(c)) {
      return String.format("control character U+%04X", (int) c);
    }
    if (c < 0x20 || c > 0x7e) {
      return String.format("character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  /** Quotes a value for an error message, escaping non-printables and cutting it short. */
  static String echo(String value) {
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(value.length(), MAX_ECHO);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (end < value.length()) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
