package dev.tandem.sandbox.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Where a rollout with broken devices must stop: the first wave whose share of broken devices is
 * above the failure threshold, worked out from the rollout's own wave assignment ({@code GET
 * /api/v1/rollouts/{id}/devices}) and the fleet's seeded choice of broken devices.
 *
 * @param expectedWave the first wave over the threshold, 0 if none is
 * @param brokenPerWave broken devices per wave
 * @param sizePerWave devices per wave
 */
record StopCheck(
    int expectedWave, Map<Integer, Integer> brokenPerWave, Map<Integer, Integer> sizePerWave) {

  static StopCheck of(JsonNode devices, IntPredicate broken, double failureThreshold) {
    Map<Integer, Integer> size = new TreeMap<>();
    Map<Integer, Integer> brokenCount = new TreeMap<>();
    for (JsonNode device : devices) {
      int wave = device.path("wave").asInt();
      int index = BenchDevices.index(device.path("deviceId").asText());
      size.merge(wave, 1, Integer::sum);
      brokenCount.merge(wave, broken.test(index) ? 1 : 0, Integer::sum);
    }
    int expected = 0;
    for (Map.Entry<Integer, Integer> wave : size.entrySet()) {
      if (brokenCount.get(wave.getKey()) > failureThreshold * wave.getValue()) {
        expected = wave.getKey();
        break;
      }
    }
    return new StopCheck(expected, brokenCount, size);
  }
}
