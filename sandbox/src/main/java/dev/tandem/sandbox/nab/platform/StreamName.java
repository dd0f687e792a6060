package dev.tandem.sandbox.nab.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The platform names of one replayed series: its device id and its model name, both {@code
 * nab-<path>} in lower case (e.g. {@code nab-realtraffic-traveltime_387}), which fit both the
 * device-id and the model-name alphabets. A path too long for 63 characters is cut and given a hash
 * of the whole path, so names stay unique.
 *
 * @param deviceId the device that replays the series
 * @param model the registered model trained on its rows
 */
record StreamName(String deviceId, String model) {
  private static final int MAX = 63;

  static StreamName of(String seriesName) {
    String path =
        seriesName.endsWith(".csv") ? seriesName.substring(0, seriesName.length() - 4) : seriesName;
    String slug = "nab-" + path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    if (slug.length() > MAX) {
      slug = slug.substring(0, MAX - 9) + "-" + hash(seriesName);
    }
    return new StreamName(slug, slug);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
