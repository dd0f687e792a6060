package dev.tandem.nab.loop;

import java.util.List;

/**
 * The input of a forecaster of a stream's next value, all in normalised units ({@link Scale}): the
 * last {@code lags} values, and for each seasonal period the values around the same moment one
 * period earlier ({@code 2 * seasonalHalfWidth + 1} rows centred on the last row at or before
 * {@code t - period}). Periods are in milliseconds of event time, so irregular sampling still finds
 * the same time of day or week. A model is trained and applied with one spec; it travels with it.
 *
 * @param lags recent values, most recent first; at least 1
 * @param periodsMillis seasonal periods, e.g. a day and a week; may be empty
 * @param seasonalHalfWidth rows on each side of the seasonal row; at least 0
 */
public record FeatureSpec(int lags, List<Long> periodsMillis, int seasonalHalfWidth) {
  public static final long DAY_MILLIS = 86_400_000L;
  public static final long WEEK_MILLIS = 7 * DAY_MILLIS;

  public FeatureSpec {
    if (lags < 1) {
      throw new IllegalArgumentException("lags must be >= 1, got " + lags);
    }
    periodsMillis = List.copyOf(periodsMillis);
    for (long period : periodsMillis) {
      if (period <= 0) {
        throw new IllegalArgumentException("periods must be > 0 ms, got " + period);
      }
    }
    if (seasonalHalfWidth < 0) {
      throw new IllegalArgumentException(
          "seasonalHalfWidth must be >= 0, got " + seasonalHalfWidth);
    }
  }

  /** The number of inputs. */
  public int width() {
    return lags + periodsMillis.size() * (2 * seasonalHalfWidth + 1);
  }

  /** The first row whose features are complete (its target can be trained on), or -1 if none. */
  int firstComplete(History history, int rows) {
    for (int t = lags; t < rows; t++) {
      if (complete(history, t)) {
        return t;
      }
    }
    return -1;
  }

  /** Whether every input of row {@code t} exists among the rows before it. */
  boolean complete(History history, int t) {
    if (t < lags) {
      return false;
    }
    for (long period : periodsMillis) {
      int r = history.lastAtOrBefore(history.timestamp(t) - period, t);
      if (r - seasonalHalfWidth < 0 || r + seasonalHalfWidth >= t) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the inputs for forecasting the value of row {@code t} (at {@code timestampMillis}) from
   * the rows before it. Inputs that do not exist yet (too little history) take the most recent
   * value, the persistence forecast.
   */
  void features(History history, int t, long timestampMillis, Scale scale, double[] out) {
    double last = t > 0 ? scale.normalize(history.value(t - 1)) : 0;
    int i = 0;
    for (int j = 1; j <= lags; j++) {
      out[i++] = t - j >= 0 ? scale.normalize(history.value(t - j)) : last;
    }
    for (long period : periodsMillis) {
      int r = history.lastAtOrBefore(timestampMillis - period, t);
      for (int k = -seasonalHalfWidth; k <= seasonalHalfWidth; k++) {
        int row = r + k;
        out[i++] = r >= 0 && row >= 0 && row < t ? scale.normalize(history.value(row)) : last;
      }
    }
  }
}
