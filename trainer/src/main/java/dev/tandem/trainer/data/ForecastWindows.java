package dev.tandem.trainer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forecast examples from time series: each example's input is {@code window} consecutive values of
 * one series (oldest first) and its target the value after them, timed at the target. Series are
 * never mixed within a window; examples of all series are merged in time order.
 */
public final class ForecastWindows {
  private ForecastWindows() {}

  /** One series: values in time order with their times (epoch ms). */
  public record Series(String key, double[] values, long[] timeMs) {}

  public static Examples build(List<Series> series, int window) {
    record Row(long time, int series, int end) {}
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      for (int end = window; end < one.values().length; end++) {
        rows.add(new Row(one.timeMs()[end], s, end));
      }
    }
    rows.sort(Comparator.comparingLong(Row::time).thenComparingInt(Row::series));
    float[] x = new float[rows.size() * window];
    float[] y = new float[rows.size()];
    long[] t = new long[rows.size()];
    for (int n = 0; n < rows.size(); n++) {
      Row r = rows.get(n);
      double[] v = series.get(r.series()).values();
      for (int i = 0; i < window; i++) {
        x[n * window + i] = (float) v[r.end() - window + i];
      }
      y[n] = (float) v[r.end()];
      t[n] = r.time();
    }
    return new Examples(window, 1, x, y, t);
  }
}
