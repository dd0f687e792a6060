package dev.tandem.nab.loop;

import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.run.SeriesScorer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Replays a series through the loop in process: the agent's {@link LoopDetector} scores each row,
 * while the "cloud" keeps every row received and, when the {@link RetrainSchedule} says so, trains
 * a model on them and installs it in the agent. A model trained on rows {@code 0 .. k - 1} is
 * installed before row {@code k} is scored, so no row is ever scored by a model that saw it.
 */
public final class LoopRunner implements SeriesScorer {
  private final LoopConfig config;
  private final ForecasterTrainer trainer;
  private final UnaryOperator<ForecastModel> delivery;
  private final AtomicLong trainings = new AtomicLong();

  public LoopRunner(LoopConfig config, ForecasterTrainer trainer) {
    this(config, trainer, UnaryOperator.identity());
  }

  /**
   * @param delivery what a trained model becomes on its way to the agent: the identity, or an
   *     export to the edge-model file and back (the model the device would run)
   */
  public LoopRunner(
      LoopConfig config, ForecasterTrainer trainer, UnaryOperator<ForecastModel> delivery) {
    this.config = Objects.requireNonNull(config, "config");
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /** A runner with the plain-Java ridge trainer. */
  public static LoopRunner withRidge(LoopConfig config) {
    return new LoopRunner(config, new RidgeTrainer(config.ridgePenalty()));
  }

  /**
   * A runner with the plain-Java ridge trainer whose models reach the agent through {@code
   * delivery}.
   */
  public static LoopRunner withRidge(LoopConfig config, UnaryOperator<ForecastModel> delivery) {
    return new LoopRunner(config, new RidgeTrainer(config.ridgePenalty()), delivery);
  }

  /** Trainings run so far by this runner, over every series it scored. */
  public long trainings() {
    return trainings.get();
  }

  /** The score of each row of {@code series}, in order; a fresh agent and lake per call. */
  @Override
  public double[] scores(Series series) {
    var agent = new LoopDetector(config);
    var lake = new History();
    var streamTrainer = new StreamTrainer(config.features(), trainer, config.maxExamples());
    int lastTrained = 0;
    double[] scores = new double[series.size()];
    for (int i = 0; i < scores.length; i++) {
      if (config.schedule().due(lake.size(), lastTrained)) {
        lastTrained = lake.size();
        streamTrainer.train(lake, lake.size()).map(delivery).ifPresent(agent::install);
        trainings.incrementAndGet();
      }
      agent.update(series.timestamp(i), series.value(i));
      scores[i] = agent.score();
      lake.add(series.timestamp(i), series.value(i));
    }
    return scores;
  }
}
