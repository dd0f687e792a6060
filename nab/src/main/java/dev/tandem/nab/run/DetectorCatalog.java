package dev.tandem.nab.run;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.edge.detect.stat.RobustDetectorConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The detectors the harness can run, by name. */
public final class DetectorCatalog {
  /** The on-device statistical baseline. */
  public static final String DEFAULT = "robust-stat";

  private static final Map<String, Supplier<Detector>> DETECTORS = new TreeMap<>();

  static {
    DETECTORS.put(DEFAULT, () -> new RobustAnomalyDetector(RobustDetectorConfig.defaults()));
    // NAB's null detector: never fires, scores 0 by definition; a check on the harness.
    DETECTORS.put("null", NullDetector::new);
  }

  private DetectorCatalog() {}

  /** The names known, sorted. */
  public static List<String> names() {
    return List.copyOf(DETECTORS.keySet());
  }

  /**
   * A factory of fresh detectors of the named kind.
   *
   * @throws IllegalArgumentException naming the known detectors if {@code name} is not one
   */
  public static Supplier<Detector> named(String name) {
    Supplier<Detector> factory = DETECTORS.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown detector '%s'; known: %s"
              .formatted(name, String.join(", ", DETECTORS.keySet())));
    }
    return factory;
  }
}
