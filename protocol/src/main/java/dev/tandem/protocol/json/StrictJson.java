package dev.tandem.protocol.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;

/**
 * A JSON parser for signed documents: refuses duplicate object keys (which different parsers
 * resolve differently) and trailing content after the document.
 */
public final class StrictJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictJson() {}

  /** A node factory for building documents to sign. */
  public static JsonNodeFactory nodes() {
    return MAPPER.getNodeFactory();
  }

  /**
   * Parses UTF-8 JSON into a tree.
   *
   * @param what what the document is, for error messages, e.g. "targets metadata"
   * @param code the code to throw with when the bytes are not strict JSON
   * @throws ProtocolException with {@code code} naming the problem and its location
   */
  public static JsonNode parse(byte[] json, String what, ProtocolErrorCode code) {
    if (json == null || json.length == 0) {
      throw new ProtocolException(code, what + " is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ProtocolException(code, what + " contains no JSON value");
      }
      return node;
    } catch (JacksonException e) {
      throw new ProtocolException(
          code, what + " is not valid JSON: " + e.getOriginalMessage() + location(e), e);
    } catch (java.io.IOException e) {
      throw new ProtocolException(code, what + " could not be read: " + e.getMessage(), e);
    }
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
