package dev.tandem.edge.filter;

import dev.tandem.edge.rolling.SortedWindow;

/** Replaces each reading by the median of the last {@code window} readings. */
public final class MedianFilter implements ReadingFilter {
  private final SortedWindow window;

  /**
   * @param window readings in the median, at least 1
   * @throws IllegalArgumentException if {@code window < 1}
   */
  public MedianFilter(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("median window must be at least 1, got " + window);
    }
    this.window = new SortedWindow(window);
  }

  @Override
  public double apply(double value) {
    window.add(value);
    return window.median();
  }

  @Override
  public void reset() {
    window.clear();
  }
}
