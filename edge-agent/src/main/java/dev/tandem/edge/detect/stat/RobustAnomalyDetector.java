package dev.tandem.edge.detect.stat;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;
import dev.tandem.edge.rolling.SortedWindow;
import java.util.Objects;

/**
 * The on-device statistical anomaly detector, and the baseline that cloud-trained models must beat.
 * Three robust evidence streams are each turned into a raw score in [0, 1] and then into a
 * calibrated anomaly likelihood against their own long-run behaviour:
 *
 * <ul>
 *   <li><b>residual</b>: the reading minus the median of the few before it, as a robust z-score
 *       (median and interquartile range of past residuals): spikes, steps, sudden drops;
 *   <li><b>pattern</b>: the distance from the latest short shape to its nearest neighbour in the
 *       recent past, relative to the typical such distance: shapes never seen before, including
 *       breaks of a daily or weekly rhythm;
 *   <li><b>volatility</b>: the log ratio of the recent mean absolute change to its median: a signal
 *       that turns noisy, or flat.
 * </ul>
 *
 * A reading further outside the long-run range than a tolerance is maximally anomalous. The score
 * is the strongest surprise, Bonferroni-corrected for the three streams, on Numenta's log scale
 * ({@code -log10(p) / 10}: 0.5 means a tail probability of 1e-5). As in Numenta's detector, only
 * the onset of a run of high scores reports in full; the readings after it in the same run report
 * at most the clear level. Events are raised and cleared with hysteresis on top of the score.
 *
 * <p>Each reading costs O(window) (sorted-window inserts and one pass over the pattern lags) and
 * allocates nothing; memory is fixed at construction (about 100 kB with the defaults). Timestamps
 * are not used: consecutive readings are treated as evenly spaced. Single-threaded.
 */
public final class RobustAnomalyDetector implements Detector {
  /** Decades of surprise ({@code -log10 p}) that map to score 1. */
  private static final double DECADES_AT_FULL_SCORE = 10;

  /** Robust z-scores are mapped to raw scores as {@code 1 - exp(-z / 3)}. */
  private static final double Z_SCALE = 3;

  /** Volatility log ratios are mapped to raw scores as {@code 1 - exp(-r)}. */
  private static final double LOG_RATIO_SCALE = 1;

  /** Largest robust z-score or log ratio used; beyond it the raw score is 1 anyway. */
  private static final double Z_CAP = 50;

  /** Baselines need this many entries before they are trusted. */
  private static final int MIN_BASELINE = 10;

  /** Bonferroni correction for taking the strongest of three streams. */
  private static final double STREAM_CORRECTION = Math.log10(3);

  /** Interquartile range of a normal distribution, in standard deviations. */
  private static final double IQR_PER_SIGMA = 1.349;

  /** A scale is never taken below this fraction of its window's range. */
  private static final double RANGE_FLOOR = 0.01;

  private final RobustDetectorConfig config;
  private final SortedWindow recentValues;
  private final SortedWindow residuals;
  private final Volatility volatility;
  private final SortedWindow volatilities;
  private final PatternDistance patterns;
  private final SortedWindow distances;
  private final AnomalyLikelihood residualLikelihood;
  private final AnomalyLikelihood patternLikelihood;
  private final AnomalyLikelihood volatilityLikelihood;
  private final RangeTracker range;
  private final EventTracker events;

  private long readings;
  private long rejected;
  private double previousValue;
  private double score;
  private double previousUnfiltered;

  public RobustAnomalyDetector(RobustDetectorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.recentValues = new SortedWindow(config.localMedianReadings());
    this.residuals = new SortedWindow(config.baselineReadings());
    this.volatility = new Volatility(config.volatilityReadings());
    this.volatilities = new SortedWindow(config.baselineReadings());
    this.patterns = new PatternDistance(config.patternLength(), config.patternHistory());
    this.distances = new SortedWindow(config.patternHistory());
    this.residualLikelihood =
        new AnomalyLikelihood(config.averagingReadings(), config.likelihoodHorizon());
    this.patternLikelihood =
        new AnomalyLikelihood(config.averagingReadings(), config.likelihoodHorizon());
    this.volatilityLikelihood =
        new AnomalyLikelihood(config.averagingReadings(), config.likelihoodHorizon());
    this.range = new RangeTracker(config.rangeReadings());
    this.events =
        new EventTracker(config.raiseScore(), config.clearScore(), config.clearReadings());
  }

  /** A detector with {@link RobustDetectorConfig#defaults()}. */
  public static RobustAnomalyDetector withDefaults() {
    return new RobustAnomalyDetector(RobustDetectorConfig.defaults());
  }

  /**
   * {@inheritDoc}
   *
   * <p>A NaN or infinite value (which callers should never pass) is ignored and counted in {@link
   * #rejectedReadings()}; the score stays that of the last valid reading.
   */
  @Override
  public DetectorSignal update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      rejected++;
      return events.active() ? DetectorSignal.ACTIVE : DetectorSignal.QUIET;
    }
    readings++;
    double surprise =
        Math.max(
            residualSurprise(value), Math.max(patternSurprise(value), volatilitySurprise(value)));
    boolean outOfRange = range.isOutside(value, config.rangeTolerance());
    range.add(value);
    previousValue = value;
    if (readings <= config.warmupReadings()) {
      score = 0;
      previousUnfiltered = 0;
      return DetectorSignal.QUIET;
    }
    double unfiltered =
        outOfRange
            ? 1
            : Math.min(1, Math.max(0, (surprise - STREAM_CORRECTION) / DECADES_AT_FULL_SCORE));
    boolean repeated =
        unfiltered >= config.raiseScore() && previousUnfiltered >= config.raiseScore();
    score = repeated ? Math.min(unfiltered, config.clearScore()) : unfiltered;
    previousUnfiltered = unfiltered;
    return events.step(score, unfiltered);
  }

  private double residualSurprise(double value) {
    double predicted = recentValues.size() > 0 ? recentValues.quantile(0.5) : value;
    double residual = value - predicted;
    boolean ready = residuals.size() >= MIN_BASELINE;
    double z = ready ? robustZ(residuals, residual) : 0;
    if (readings > 1) {
      residuals.add(residual);
    }
    recentValues.add(value);
    return ready ? residualLikelihood.add(1 - Math.exp(-z / Z_SCALE)) : 0;
  }

  private double patternSurprise(double value) {
    double distance = patterns.add(value);
    if (Double.isNaN(distance)) {
      return 0;
    }
    boolean ready = distances.size() >= MIN_BASELINE;
    double typical = ready ? distances.quantile(0.5) : 0;
    distances.add(distance);
    if (!ready) {
      return 0;
    }
    // Exact repeats give distances at rounding level; compare only above a floor tied to the data.
    double floor = 1e-9 * range.spread();
    double z;
    if (typical > floor) {
      z = Math.min(Z_CAP, distance / typical);
    } else {
      z = distance > floor ? Z_CAP : 0;
    }
    return patternLikelihood.add(1 - Math.exp(-z / Z_SCALE));
  }

  private double volatilitySurprise(double value) {
    if (readings == 1) {
      return 0;
    }
    double recent = volatility.add(Math.abs(value - previousValue));
    if (!volatility.isFull()) {
      return 0;
    }
    boolean ready = volatilities.size() >= MIN_BASELINE;
    double typical = ready ? volatilities.quantile(0.5) : 0;
    volatilities.add(recent);
    if (!ready) {
      return 0;
    }
    double ratio;
    if (recent == typical) {
      ratio = 0;
    } else if (recent <= 0 || typical <= 0) {
      ratio = Z_CAP;
    } else {
      ratio = Math.min(Z_CAP, Math.abs(Math.log(recent / typical)));
    }
    return volatilityLikelihood.add(1 - Math.exp(-ratio / LOG_RATIO_SCALE));
  }

  /** |value - median| in robust standard deviations (IQR / 1.349, floored at 1% of the range). */
  private static double robustZ(SortedWindow window, double value) {
    double deviation = Math.abs(value - window.quantile(0.5));
    if (deviation == 0) {
      return 0;
    }
    double scale =
        Math.max(
            (window.quantile(0.75) - window.quantile(0.25)) / IQR_PER_SIGMA,
            RANGE_FLOOR * (window.max() - window.min()));
    return scale > 0 ? Math.min(Z_CAP, deviation / scale) : Z_CAP;
  }

  /**
   * How anomalous the last valid reading looked, in [0, 1], on a log scale of its tail probability:
   * 0.3 is 1e-3, 0.5 is 1e-5, 1 is 1e-10 or a reading far outside the long-run range. 0 during the
   * warm-up.
   */
  @Override
  public double score() {
    return score;
  }

  @Override
  public String name() {
    return "robust-stat";
  }

  @Override
  public void reset() {
    recentValues.clear();
    residuals.clear();
    volatility.clear();
    volatilities.clear();
    patterns.clear();
    distances.clear();
    residualLikelihood.clear();
    patternLikelihood.clear();
    volatilityLikelihood.clear();
    range.clear();
    events.clear();
    readings = 0;
    rejected = 0;
    previousValue = 0;
    score = 0;
    previousUnfiltered = 0;
  }

  /** Readings ignored because they were NaN or infinite, since construction or {@link #reset()}. */
  public long rejectedReadings() {
    return rejected;
  }

  public RobustDetectorConfig config() {
    return config;
  }
}
