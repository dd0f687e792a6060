package dev.tandem.sandbox.bench.registry;

import java.util.List;
import java.util.SplittableRandom;

/** Which request a user sends next. */
interface RequestMix {

  /** The request drawn for one turn: what it is counted as, its path and its bearer token. */
  record Request(Endpoint endpoint, String path, String token) {}

  Request next(SplittableRandom random);

  /**
   * The fleet's read load.
   *
   * @param deviceShare percent of requests that are {@link Endpoint#DEVICE_DESIRED}
   * @param urlShare percent that are {@link Endpoint#ARTIFACT_URL}; the rest list models
   */
  static RequestMix fleet(Seed seed, int deviceShare, int urlShare) {
    if (deviceShare < 0 || urlShare < 0 || deviceShare + urlShare > 100) {
      throw new IllegalArgumentException(
          "the shares must be 0-100 in all, got " + deviceShare + "/" + urlShare);
    }
    return random -> {
      int dice = random.nextInt(100);
      if (dice < deviceShare) {
        return new Request(
            Endpoint.DEVICE_DESIRED, "/api/v1/device/desired", pick(random, seed.deviceTokens()));
      }
      if (dice < deviceShare + urlShare) {
        return new Request(
            Endpoint.ARTIFACT_URL, pick(random, seed.downloadPaths()), seed.viewerToken());
      }
      return new Request(Endpoint.LIST_MODELS, "/api/v1/models", seed.viewerToken());
    };
  }

  /**
   * The same server's liveness probe only: the HTTP stack and the framework without any of the
   * endpoints' work, the baseline the fleet's reads are compared with in the same run.
   */
  static RequestMix frameworkFloor(Seed seed) {
    Request liveness = new Request(Endpoint.LIVENESS_FLOOR, "/q/health/live", seed.viewerToken());
    return random -> liveness;
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
