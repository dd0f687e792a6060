package dev.tandem.edge.stream;

/**
 * The physically plausible range of a sensor; readings outside it (and NaN or infinite ones) are
 * counted as invalid and dropped before they reach filters, detectors or windows.
 */
public record ValueRange(double min, double max) {
  public static final ValueRange ANY = new ValueRange(-Double.MAX_VALUE, Double.MAX_VALUE);

  public ValueRange {
    if (Double.isNaN(min) || Double.isNaN(max) || !(min < max)) {
      throw new IllegalArgumentException(
          "value range needs min < max, got [%s, %s]".formatted(min, max));
    }
  }

  public boolean contains(double value) {
    return value >= min && value <= max; // false for NaN
  }
}
