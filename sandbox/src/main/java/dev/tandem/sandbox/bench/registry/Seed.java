package dev.tandem.sandbox.bench.registry;

import java.util.List;

/**
 * What the seeding made: the tokens and paths the load uses.
 *
 * @param viewerToken an operator's read-only API token
 * @param deviceTokens one device token per enrolled device
 * @param downloadPaths API paths of variant download URLs ({@code .../download})
 * @param model the model's name
 */
record Seed(
    String viewerToken, List<String> deviceTokens, List<String> downloadPaths, String model) {
  Seed {
    if (deviceTokens.isEmpty() || downloadPaths.isEmpty()) {
      throw new IllegalArgumentException("a seed needs devices and downloads");
    }
    deviceTokens = List.copyOf(deviceTokens);
    downloadPaths = List.copyOf(downloadPaths);
  }
}
