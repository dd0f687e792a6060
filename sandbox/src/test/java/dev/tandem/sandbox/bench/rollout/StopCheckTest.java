package dev.tandem.sandbox.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StopCheckTest {

  /** Devices rb-00000.. in waves of the given sizes, 1-based as the API numbers them. */
  private static JsonNode devices(int... waveSizes) {
    ArrayNode devices = JsonNodeFactory.instance.arrayNode();
    int index = 0;
    for (int wave = 0; wave < waveSizes.length; wave++) {
      for (int i = 0; i < waveSizes[wave]; i++) {
        devices.addObject().put("deviceId", BenchDevices.deviceId(index++)).put("wave", wave + 1);
      }
    }
    return devices;
  }

  @Test
  void expectsTheFirstWaveWhoseBrokenShareIsAboveTheThreshold() {
    // Wave 1: devices 0-9, none broken; wave 2: 10-109, 3 broken (3% > 2%); wave 3: 2 of 100.
    Set<Integer> broken = Set.of(12, 50, 99, 150, 160);

    StopCheck check = StopCheck.of(devices(10, 100, 100), broken::contains, 0.02);

    assertThat(check.expectedWave()).isEqualTo(2);
    assertThat(check.brokenPerWave()).containsEntry(1, 0).containsEntry(2, 3).containsEntry(3, 2);
    assertThat(check.sizePerWave()).containsEntry(2, 100);
  }

  @Test
  void aShareExactlyAtTheThresholdDoesNotStop() {
    Set<Integer> broken = Set.of(0, 1);

    assertThat(StopCheck.of(devices(100), broken::contains, 0.02).expectedWave()).isZero();
  }

  @Test
  void fileDescriptorsCoverBothEndsOfEveryConnection() {
    assertThat(FileDescriptors.neededFor(10_000, true)).isEqualTo(23_000);
    assertThat(FileDescriptors.devicesWithin(20_000, true)).isEqualTo(8_500);
    assertThat(FileDescriptors.neededFor(10_000, false)).isEqualTo(13_000);
    assertThat(FileDescriptors.devicesWithin(20_000, false)).isEqualTo(17_000);
  }
}
