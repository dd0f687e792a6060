package dev.tandem.sandbox.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestMixTest {
  private final Seed seed =
      new Seed(
          "viewer-token",
          List.of("device-a", "device-b"),
          List.of("/api/v1/models/m/versions/1.0.0/variants/int8/download"),
          "m");

  @Test
  void theFleetMixSendsEachReadInItsShareWithTheRightToken() {
    RequestMix mix = RequestMix.fleet(seed, 70, 20);
    SplittableRandom random = new SplittableRandom(1);
    Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);
    for (int i = 0; i < 10_000; i++) {
      RequestMix.Request request = mix.next(random);
      counts.merge(request.endpoint(), 1, Integer::sum);
      switch (request.endpoint()) {
        case DEVICE_DESIRED -> {
          assertThat(request.path()).isEqualTo("/api/v1/device/desired");
          assertThat(request.token()).isIn(seed.deviceTokens());
        }
        case ARTIFACT_URL -> {
          assertThat(request.path()).isIn(seed.downloadPaths());
          assertThat(request.token()).isEqualTo("viewer-token");
        }
        case LIST_MODELS -> assertThat(request.path()).isEqualTo("/api/v1/models");
        case LIVENESS_FLOOR -> throw new AssertionError("the fleet mix sent the baseline probe");
      }
    }
    assertThat(counts.get(Endpoint.DEVICE_DESIRED)).isBetween(6_800, 7_200);
    assertThat(counts.get(Endpoint.ARTIFACT_URL)).isBetween(1_850, 2_150);
    assertThat(counts.get(Endpoint.LIST_MODELS)).isBetween(900, 1_100);
  }

  @Test
  void theFloorSendsOnlyTheLivenessProbe() {
    RequestMix floor = RequestMix.frameworkFloor(seed);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) {
      assertThat(floor.next(random).path()).isEqualTo("/q/health/live");
    }
    assertThat(Endpoint.LIVENESS_FLOOR.deviceFacing()).isFalse();
  }

  @Test
  void sharesOverAHundredPercentAreRefused() {
    assertThatThrownBy(() -> RequestMix.fleet(seed, 90, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90/20");
  }
}
