package dev.tandem.nab;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Three real NAB series with their anomaly windows, kept in the test resources ({@code
 * nab-sample/}, laid out like the shared subset) so that the tests on real data run everywhere.
 */
public final class NabSample {
  private NabSample() {}

  /** The sample's root: {@code data/} and {@code combined_windows.json}. */
  public static Path root() {
    URL windows = NabSample.class.getResource("/nab-sample/combined_windows.json");
    if (windows == null) {
      throw new IllegalStateException("nab-sample/combined_windows.json is not on the class path");
    }
    try {
      return Path.of(windows.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
