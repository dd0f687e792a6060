package dev.tandem.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

  private static final DeviceId DEVICE = DeviceId.of("press-07");

  @Test
  void buildsEveryPerDeviceTopic() {
    assertThat(Topics.telemetry(DEVICE)).isEqualTo("fleet/press-07/telemetry");
    assertThat(Topics.events(DEVICE)).isEqualTo("fleet/press-07/events");
    assertThat(Topics.state(DEVICE)).isEqualTo("fleet/press-07/state");
    assertThat(Topics.desired(DEVICE)).isEqualTo("fleet/press-07/desired");
    assertThat(Topics.updates(DEVICE)).isEqualTo("fleet/press-07/updates");
    assertThat(Topics.samples(DEVICE)).isEqualTo("fleet/press-07/samples");
    assertThat(Topics.inferRequest(DEVICE)).isEqualTo("fleet/press-07/infer/request");
    assertThat(Topics.inferResponse(DEVICE)).isEqualTo("fleet/press-07/infer/response");
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void parsesEveryBuiltTopicBack(TopicKind kind) {
    Topic parsed = Topics.parse(Topics.topic(DEVICE, kind));

    assertThat(parsed).isEqualTo(new Topic(DEVICE, kind));
    assertThat(parsed.name()).isEqualTo(Topics.topic(DEVICE, kind));
  }

  @Test
  void onlyStateAndDesiredAreRetained() {
    assertThat(TopicKind.values())
        .filteredOn(TopicKind::retained)
        .containsExactlyInAnyOrder(TopicKind.STATE, TopicKind.DESIRED);
  }

  @Test
  void cloudPublishesOnlyDesiredAndInferenceResponses() {
    assertThat(TopicKind.values())
        .filteredOn(k -> k.direction() == TopicKind.Direction.CLOUD_TO_DEVICE)
        .containsExactlyInAnyOrder(TopicKind.DESIRED, TopicKind.INFER_RESPONSE);
  }

  @Test
  void buildsAllDeviceAndSharedSubscriptionFilters() {
    assertThat(Topics.allDevices(TopicKind.EVENTS)).isEqualTo("fleet/+/events");
    assertThat(Topics.shared("ingest", TopicKind.TELEMETRY))
        .isEqualTo("$share/ingest/fleet/+/telemetry");
    assertThat(Topics.shared("cloud-infer", TopicKind.INFER_REQUEST))
        .isEqualTo("$share/cloud-infer/fleet/+/infer/request");
  }

  @Test
  void rejectsShareGroupThatCouldEscapeItsLevel() {
    assertRefused(
        () -> Topics.shared("a/b", TopicKind.TELEMETRY),
        ProtocolErrorCode.INVALID_SHARE_GROUP,
        "share group \"a/b\" contains '/'");
    assertRefused(
        () -> Topics.shared("", TopicKind.TELEMETRY),
        ProtocolErrorCode.INVALID_SHARE_GROUP,
        "share group must not be empty");
  }

  @Test
  void rejectsTopicOutsideTheFleetTree() {
    assertRefused(
        () -> Topics.parse("factory/press-07/telemetry"),
        ProtocolErrorCode.MALFORMED_TOPIC,
        "does not start with 'fleet/'");
    assertRefused(
        () -> Topics.parse("$share/ingest/fleet/+/telemetry"),
        ProtocolErrorCode.MALFORMED_TOPIC,
        "does not start with 'fleet/'");
  }

  @Test
  void rejectsTopicWithoutKind() {
    assertRefused(
        () -> Topics.parse("fleet/press-07"),
        ProtocolErrorCode.MALFORMED_TOPIC,
        "has no kind level after the device id");
  }

  @Test
  void rejectsUnknownKindAndListsTheKnownOnes() {
    assertRefused(
        () -> Topics.parse("fleet/press-07/telemetry/extra"),
        ProtocolErrorCode.UNKNOWN_TOPIC_KIND,
        "unknown topic kind \"telemetry/extra\"");
    assertRefused(
        () -> Topics.parse("fleet/press-07/logs"),
        ProtocolErrorCode.UNKNOWN_TOPIC_KIND,
        "known kinds: telemetry, events, state, desired, updates, samples, infer/request,"
            + " infer/response");
    assertRefused(
        () -> Topics.parse("fleet/press-07/infer"),
        ProtocolErrorCode.UNKNOWN_TOPIC_KIND,
        "unknown topic kind \"infer\"");
  }

  @Test
  void rejectsTopicWhoseDeviceLevelIsNotADeviceId() {
    assertRefused(
        () -> Topics.parse("fleet/+/telemetry"),
        ProtocolErrorCode.INVALID_DEVICE_ID,
        "'+' at index 0");
    assertRefused(
        () -> Topics.parse("fleet//telemetry"),
        ProtocolErrorCode.INVALID_DEVICE_ID,
        "must not be empty");
  }

  @Test
  void rejectsNullTopic() {
    assertRefused(() -> Topics.parse(null), ProtocolErrorCode.MALFORMED_TOPIC, "must not be null");
  }

  private static void assertRefused(Runnable call, ProtocolErrorCode code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(code);
  }
}
