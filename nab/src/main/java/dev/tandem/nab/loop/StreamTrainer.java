package dev.tandem.nab.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cloud side of the loop for one stream: turns the rows received so far into examples and hands
 * them to a {@link ForecasterTrainer}. A seasonal period is used only once the rows span two of it
 * (a day after two days, a week after two weeks), so early models stay simple.
 */
public final class StreamTrainer {
  private final FeatureSpec spec;
  private final ForecasterTrainer trainer;
  private final int maxExamples;

  /**
   * @param spec the inputs, with every seasonal period a model may use
   * @param trainer trains one model from examples
   * @param maxExamples at most this many of the newest examples are used, bounding the cost
   */
  public StreamTrainer(FeatureSpec spec, ForecasterTrainer trainer, int maxExamples) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    if (maxExamples < 1) {
      throw new IllegalArgumentException("maxExamples must be >= 1, got " + maxExamples);
    }
    this.maxExamples = maxExamples;
  }

  /**
   * A model trained on rows {@code 0 .. rows - 1} of {@code history} and nothing after them, or
   * empty if they hold no complete example yet.
   */
  public Optional<ForecastModel> train(History history, int rows) {
    if (rows < 2) {
      return Optional.empty();
    }
    long span = history.timestamp(rows - 1) - history.timestamp(0);
    List<Long> periods = new ArrayList<>();
    for (long period : spec.periodsMillis()) {
      if (span >= 2 * period) {
        periods.add(period);
      }
    }
    FeatureSpec used = new FeatureSpec(spec.lags(), periods, spec.seasonalHalfWidth());
    int first = used.firstComplete(history, rows);
    if (first < 0) {
      return Optional.empty();
    }
    first = Math.max(first, rows - maxExamples);
    Scale scale = Scale.fit(history, rows);
    int n = rows - first;
    double[][] inputs = new double[n][used.width()];
    double[] targets = new double[n];
    for (int t = first; t < rows; t++) {
      used.features(history, t, history.timestamp(t), scale, inputs[t - first]);
      targets[t - first] = scale.normalize(history.value(t));
    }
    Forecaster forecaster = trainer.train(new TrainingSet(used, inputs, targets));
    return Optional.of(new ForecastModel(used, scale, forecaster, rows));
  }
}
