package dev.tandem.nab.loop;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;
import dev.tandem.edge.detect.stat.AnomalyLikelihood;
import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.edge.rolling.SortedWindow;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's detector in the loop: the on-device statistical detector, plus the forecast error of
 * the latest model the cloud trained for this stream, turned into a calibrated anomaly likelihood
 * as Numenta does (robust z-score of the error against recent errors, short average against its
 * long-run distribution, tail probability on a log scale). Until the first model arrives it is the
 * statistical detector alone.
 *
 * <p>The two scores are fused as independent alarms, {@code 1 - (1 - a)(1 - b)}, so that evidence
 * both see ranks above evidence one sees; a score below {@code fusionFloor} is not evidence and
 * leaves the other to stand alone. A run of high forecast scores reports in full only at its onset,
 * and after any high score the next {@code quietReadings} readings, and every reading within {@code
 * quietMillis} of it, report at most the clear level: one incident, one alarm.
 */
public final class LoopDetector implements Detector {
  /** Robust z-scores of errors are mapped to raw scores as {@code 1 - exp(-z / 3)}. */
  private static final double Z_SCALE = 3;

  private static final double Z_CAP = 50;

  /** Errors needed before their spread is trusted. */
  private static final int MIN_ERRORS = 10;

  /** Decades of surprise ({@code -log10 p}) that map to score 1. */
  private static final double DECADES_AT_FULL_SCORE = 10;

  /** Interquartile range of a normal distribution, in standard deviations. */
  private static final double IQR_PER_SIGMA = 1.349;

  /** Error spreads are floored here (normalised units) so an exact model does not divide by 0. */
  private static final double MIN_ERROR_SPREAD = 1e-3;

  private final LoopConfig config;
  private final RobustAnomalyDetector statistical;
  private final History history = new History();
  private final SortedWindow errors;
  private final AnomalyLikelihood likelihood;
  private final double correctionDecades;
  private final double statisticalCorrectionDecades;
  private double[] features = new double[0];
  private ForecastModel model;
  private double score;
  private double forecastScore;
  private double previousForecastScore;
  private long sinceHigh;
  private long highAt;

  public LoopDetector(LoopConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.statistical = new RobustAnomalyDetector(config.statistical());
    this.errors = new SortedWindow(config.errorReadings());
    this.likelihood = new AnomalyLikelihood(config.averagingReadings(), config.likelihoodHorizon());
    this.correctionDecades = Math.log10(config.forecastCorrection());
    this.statisticalCorrectionDecades =
        Math.log10(config.statisticalCorrection()) / DECADES_AT_FULL_SCORE;
    this.sinceHigh = Long.MAX_VALUE / 2;
    this.highAt = Long.MIN_VALUE / 2;
  }

  /** Switches to a newly trained model; it applies from the next reading on. */
  public void install(ForecastModel next) {
    this.model = Objects.requireNonNull(next, "next");
    if (features.length < next.spec().width()) {
      features = new double[next.spec().width()];
    }
  }

  /** The model in use, if any. */
  public Optional<ForecastModel> model() {
    return Optional.ofNullable(model);
  }

  @Override
  public DetectorSignal update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return statistical.update(timestampMillis, value);
    }
    double unfiltered = 0;
    if (model != null) {
      double forecast = model.forecast(history, history.size(), timestampMillis, features);
      Scale scale = model.scale();
      unfiltered = forecastScore(scale.normalize(value) - scale.normalize(forecast));
    }
    DetectorSignal signal = statistical.update(timestampMillis, value);
    history.add(timestampMillis, value);
    boolean repeated =
        unfiltered >= config.raiseScore() && previousForecastScore >= config.raiseScore();
    previousForecastScore = unfiltered;
    forecastScore = repeated ? Math.min(unfiltered, config.clearScore()) : unfiltered;
    double statisticalScore = statistical.score();
    if (model != null && statisticalScore < 1) {
      // Below 1 the statistical score is a likelihood; with the forecast, four streams are watched.
      statisticalScore = Math.max(0, statisticalScore - statisticalCorrectionDecades);
    }
    double fused = fuse(statisticalScore, forecastScore);
    sinceHigh++;
    boolean quiet =
        sinceHigh <= config.quietReadings() || timestampMillis - highAt < config.quietMillis();
    if (quiet) {
      fused = Math.min(fused, config.clearScore());
    } else if (fused >= config.raiseScore()) {
      sinceHigh = 0;
      highAt = timestampMillis;
    }
    score = fused;
    return signal;
  }

  /**
   * Independent alarms, {@code 1 - (1 - a)(1 - b)}, but only between scores that are evidence on
   * their own: two weak scores that look at the same deviation are not two alarms.
   */
  private double fuse(double a, double b) {
    if (Math.min(a, b) < config.fusionFloor()) {
      return Math.max(a, b);
    }
    return 1 - (1 - a) * (1 - b);
  }

  private double forecastScore(double error) {
    boolean ready = errors.size() >= MIN_ERRORS;
    double z = 0;
    if (ready) {
      double deviation = Math.abs(error - errors.quantile(0.5));
      double spread =
          Math.max(
              MIN_ERROR_SPREAD, (errors.quantile(0.75) - errors.quantile(0.25)) / IQR_PER_SIGMA);
      z = Math.min(Z_CAP, deviation / spread);
    }
    errors.add(error);
    if (!ready) {
      return 0;
    }
    double surprise = likelihood.add(1 - Math.exp(-z / Z_SCALE));
    return Math.min(1, Math.max(0, (surprise - correctionDecades) / DECADES_AT_FULL_SCORE));
  }

  /**
   * How anomalous the last reading looked, in [0, 1]: the fused score after onset and quiet-period
   * damping; 0.5 is about a tail probability of 1e-5.
   */
  @Override
  public double score() {
    return score;
  }

  /** The forecast part of the last score (onset-damped); 0 without a model. */
  public double forecastScore() {
    return forecastScore;
  }

  @Override
  public String name() {
    return "loop";
  }

  @Override
  public void reset() {
    statistical.reset();
    history.clear();
    errors.clear();
    likelihood.clear();
    model = null;
    score = 0;
    forecastScore = 0;
    previousForecastScore = 0;
    sinceHigh = Long.MAX_VALUE / 2;
    highAt = Long.MIN_VALUE / 2;
  }
}
