package dev.tandem.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded sensor-like series for forecaster benchmarks and tests: two seasonal components, a slow
 * random walk and noise, one reading per second, each series with its own phase and level.
 */
public final class SeasonalSeries {
  private SeasonalSeries() {}

  public static List<ForecastWindows.Series> generate(long seed, int count, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ForecastWindows.Series> series = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      double level = 20 + 10 * random.nextDouble();
      double phase = random.nextDouble() * 2 * Math.PI;
      double walk = 0;
      double[] v = new double[length];
      long[] t = new long[length];
      for (int i = 0; i < length; i++) {
        walk += 0.02 * random.nextGaussian();
        v[i] =
            level
                + 4 * Math.sin(2 * Math.PI * i / 60 + phase)
                + 1.5 * Math.sin(2 * Math.PI * i / 11 + 2 * phase)
                + walk
                + 0.3 * random.nextGaussian();
        t[i] = 1000L * i;
      }
      series.add(new ForecastWindows.Series("series-" + s, v, t));
    }
    return series;
  }
}
