package dev.tandem.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void sortsKeysByUtf16CodeUnitsAsInRfc8785Section323() {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    String canonical = canonical(input);

    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 order, though not in code
    // point order: that is the difference RFC 8785 calls out.
    assertThat(canonical)
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void escapesStringsAsInRfc8785Section3222() {
    String input =
        "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + " \"literals\": [null, true, false]}";

    assertThat(canonical(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void writesRfc8785ExampleWithoutNumbersAsTheseUtf8Bytes() {
    byte[] bytes =
        CanonicalJson.canonicalize(
            "{ \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\" }"
                .getBytes(StandardCharsets.UTF_8));

    // The "string" bytes of RFC 8785 section 3.2.4: the Euro sign is e2 82 ac in UTF-8.
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "7b22737472696e67223a22e282ac245c7530303066" + "5c6e412742" + "5c225c5c5c5c5c222f227d");
  }

  @Test
  void escapesOnlyTheShortFormsAndOtherControlCharacters() {
    String input = "[\"\\b\\f\\n\\r\\t\\u0001\\u001f \\u007f\\u2028\"]";

    assertThat(canonical(input)).isEqualTo("[\"\\b\\f\\n\\r\\t\\u0001\\u001f \u007f\u2028\"]");
  }

  @Test
  void removesWhitespaceAndSortsNestedObjects() {
    String input = "{ \"b\" : [ 1 , { \"z\" : 0 , \"a\" : -7 } ] , \"a\" : { } , \"c\" : [ ] }";

    assertThat(canonical(input)).isEqualTo("{\"a\":{},\"b\":[1,{\"a\":-7,\"z\":0}],\"c\":[]}");
  }

  @Test
  void writesIntegersUpToTheLargestExactDouble() {
    assertThat(canonical("[9007199254740991, -9007199254740991, 0, -0]"))
        .isEqualTo("[9007199254740991,-9007199254740991,0,0]");
  }

  @Test
  void refusesFloatingPointNumbersNamingTheirPath() {
    assertRefused("{\"signed\": {\"version\": 1.5}}", "$['signed']['version']: floating-point");
    assertRefused("[1.0]", "$[0]: floating-point number 1.0 is not allowed");
    assertRefused("[1E30]", "floating-point number");
  }

  @Test
  void refusesIntegersBeyondTwoToThe53() {
    assertRefused("[9007199254740992]", "integer 9007199254740992 is outside");
  }

  @Test
  void refusesLoneSurrogates() {
    assertRefused("[\"a\\ud800b\"]", "lone surrogate U+D800 at index 1");
    assertThatThrownBy(
            () -> CanonicalJson.canonicalize(StrictJson.nodes().objectNode().put("k\udc00", 1)))
        .hasMessageContaining("$['k\\udc00'] (key): string has a lone surrogate U+DC00 at index 1");
  }

  @Test
  void refusesDuplicateKeys() {
    assertRefused("{\"a\": 1, \"a\": 2}", "Duplicate field 'a'");
  }

  @Test
  void refusesTrailingContent() {
    assertRefused("{\"a\": 1} {\"b\": 2}", "not valid JSON");
  }

  private static String canonical(String json) {
    return new String(
        CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static void assertRefused(String json, String messagePart) {
    assertThatThrownBy(() -> canonical(json))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(ProtocolErrorCode.NON_CANONICAL_JSON);
  }
}
