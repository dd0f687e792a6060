package dev.tandem.protocol.topic;

import static dev.tandem.protocol.topic.DeviceTopicPolicy.Action.PUBLISH;
import static dev.tandem.protocol.topic.DeviceTopicPolicy.Action.SUBSCRIBE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceTopicPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "fleet/pump-1/telemetry, PUBLISH",
    "fleet/pump-1/events, PUBLISH",
    "fleet/pump-1/state, PUBLISH",
    "fleet/pump-1/updates, PUBLISH",
    "fleet/pump-1/samples, PUBLISH",
    "fleet/pump-1/infer/request, PUBLISH",
    "fleet/pump-1/desired, SUBSCRIBE",
    "fleet/pump-1/infer/response, SUBSCRIBE",
  })
  void aDeviceUsesItsOwnTopicsInTheirDirection(String topic, DeviceTopicPolicy.Action action) {
    assertThat(DeviceTopicPolicy.check("pump-1", topic, action).allowed()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "fleet/pump-2/telemetry, PUBLISH, topic of device pump-2",
    "fleet/pump-2/desired, SUBSCRIBE, topic of device pump-2",
    "fleet/pump-1/desired, PUBLISH, may not publish on desired",
    "fleet/pump-1/telemetry, SUBSCRIBE, may not subscribe on telemetry",
    "fleet/+/telemetry, SUBSCRIBE, wildcards",
    "fleet/pump-1/#, SUBSCRIBE, wildcards",
    "$share/g/fleet/pump-1/desired, SUBSCRIBE, wildcards",
    "elsewhere/pump-1, PUBLISH, not a fleet topic",
    "fleet/pump-1/firmware, PUBLISH, not a fleet topic",
  })
  void everythingElseIsRefusedWithItsReason(
      String topic, DeviceTopicPolicy.Action action, String reason) {
    var decision = DeviceTopicPolicy.check("pump-1", topic, action);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).contains(reason);
  }

  @Test
  void anEmptyTopicIsRefused() {
    assertThat(DeviceTopicPolicy.check("pump-1", "", PUBLISH).allowed()).isFalse();
    assertThat(DeviceTopicPolicy.check("pump-1", null, SUBSCRIBE).allowed()).isFalse();
  }
}
