package dev.tandem.nab.corpus;

/**
 * A labeled anomaly window: every row with {@code startMillis <= timestamp <= endMillis} lies in
 * it.
 */
public record Window(long startMillis, long endMillis) {
  public Window {
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          "window ends (%s) before it starts (%s)"
              .formatted(NabTime.format(endMillis), NabTime.format(startMillis)));
    }
  }

  public boolean contains(long timestampMillis) {
    return timestampMillis >= startMillis && timestampMillis <= endMillis;
  }
}
