package dev.tandem.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "press-07", "Line_3.Press-07", "0", "dev.local_1-A"})
  void acceptsIdsFromTheAllowedAlphabet(String value) {
    assertThat(DeviceId.of(value).value()).isEqualTo(value);
    assertThat(DeviceId.isValid(value)).isTrue();
  }

  @Test
  void acceptsSixtyFourCharacters() {
    assertThat(DeviceId.of("d".repeat(64)).value()).hasSize(64);
  }

  @Test
  void rejectsSixtyFiveCharacters() {
    assertRejected("d".repeat(65), "at most 64 characters, got 65");
  }

  @Test
  void rejectsSlashBecauseItWouldAddATopicLevel() {
    assertRejected("press/07", "'/' at index 5 (would add a topic level)");
  }

  @Test
  void rejectsMqttWildcards() {
    assertRejected("press+", "'+' at index 5 (an MQTT wildcard)");
    assertRejected("#", "'#' at index 0 (an MQTT wildcard)");
  }

  @Test
  void rejectsWhitespace() {
    assertRejected("press 07", "whitespace U+0020 at index 5");
    assertRejected("press\t07", "whitespace U+0009 at index 5");
  }

  @Test
  void rejectsControlCharacters() {
    assertRejected("press\u000007", "control character U+0000 at index 5");
    assertRejected("press\u007f", "control character U+007F at index 5");
  }

  @Test
  void rejectsNonAsciiLetters() {
    assertRejected("pressé", "character U+00E9 at index 5");
  }

  @Test
  void rejectsEmptyAndNull() {
    assertRejected("", "device id must not be empty");
    assertRejected(null, "device id must not be null");
  }

  @Test
  void rejectsLeadingDotOrDash() {
    assertRejected(".hidden", "must not start with '.'");
    assertRejected("..", "must not start with '.'");
    assertRejected("-flag", "must not start with '-'");
  }

  @Test
  void allowsDotAndDashAfterTheFirstCharacter() {
    assertThat(DeviceId.isValid("a.-")).isTrue();
  }

  @Test
  void isValidReportsRejectionWithoutThrowing() {
    assertThat(DeviceId.isValid("a/b")).isFalse();
  }

  private static void assertRejected(String value, String messagePart) {
    assertThatThrownBy(() -> DeviceId.of(value))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(ProtocolErrorCode.INVALID_DEVICE_ID);
  }
}
