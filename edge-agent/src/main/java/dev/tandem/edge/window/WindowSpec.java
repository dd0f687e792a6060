package dev.tandem.edge.window;

import java.time.Duration;

/**
 * Window geometry in event time.
 *
 * @param sizeMillis window length
 * @param hopMillis distance between window starts; equal to the size for tumbling windows, a
 *     divisor of it for sliding ones
 * @param allowedLatenessMillis how long after a window's end readings for it are still accepted;
 *     the window is emitted once a reading at least this much past its end arrives
 */
public record WindowSpec(long sizeMillis, long hopMillis, long allowedLatenessMillis) {
  public WindowSpec {
    if (sizeMillis <= 0) {
      throw new IllegalArgumentException("window size must be positive, got " + sizeMillis + " ms");
    }
    if (hopMillis <= 0 || hopMillis > sizeMillis || sizeMillis % hopMillis != 0) {
      throw new IllegalArgumentException(
          "window hop must divide the size (size %d ms, hop %d ms)"
              .formatted(sizeMillis, hopMillis));
    }
    if (allowedLatenessMillis < 0) {
      throw new IllegalArgumentException(
          "allowed lateness must be >= 0, got " + allowedLatenessMillis + " ms");
    }
    if ((sizeMillis + allowedLatenessMillis) / hopMillis > 1024) {
      throw new IllegalArgumentException(
          "window size plus allowed lateness may span at most 1024 hops (size %d ms, hop %d ms, lateness %d ms)"
              .formatted(sizeMillis, hopMillis, allowedLatenessMillis));
    }
  }

  public static WindowSpec tumbling(Duration size, Duration allowedLateness) {
    return new WindowSpec(size.toMillis(), size.toMillis(), allowedLateness.toMillis());
  }

  public static WindowSpec sliding(Duration size, Duration hop, Duration allowedLateness) {
    return new WindowSpec(size.toMillis(), hop.toMillis(), allowedLateness.toMillis());
  }

  public boolean tumbling() {
    return sizeMillis == hopMillis;
  }

  int panesPerWindow() {
    return (int) (sizeMillis / hopMillis);
  }
}
