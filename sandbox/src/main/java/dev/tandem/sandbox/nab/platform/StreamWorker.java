package dev.tandem.sandbox.nab.platform;

import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.History;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.RidgeTrainer;
import dev.tandem.nab.loop.StreamTrainer;
import dev.tandem.protocol.v1.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The cloud side of the loop for one device's stream: keeps every sample batch received from Kafka,
 * keyed by the device's header sequence (duplicates dropped; the bridge may reorder one device's
 * messages, so rows are put in sequence order before each training), and when the rows received
 * reach a count at which the {@link dev.tandem.nab.loop.RetrainSchedule} makes a model due, trains
 * on exactly those rows and publishes the model. Trainings of one stream run one after the other on
 * the shared executor; batches keep arriving meanwhile.
 */
final class StreamWorker {
  /** One training and what came of it. */
  record Training(int rows, Optional<ModelPublisher.Published> published) {}

  private final String deviceId;
  private final String model;
  private final LoopConfig config;
  private final StreamTrainer trainer;
  private final ModelPublisher publisher;
  private final TrainingPacing pacing;
  private final Executor executor;
  private final TreeMap<Long, List<Reading>> batches = new TreeMap<>();
  private final List<Training> trainings = new ArrayList<>();
  private int rows;
  private int lastTrained;
  private long duplicates;
  private boolean finished;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private String lastVersion;
  private String lastRollout;

  StreamWorker(
      String deviceId,
      String model,
      LoopConfig config,
      ModelPublisher publisher,
      TrainingPacing pacing,
      Executor executor) {
    this.deviceId = deviceId;
    this.model = model;
    this.config = config;
    this.trainer =
        new StreamTrainer(
            config.features(), new RidgeTrainer(config.ridgePenalty()), config.maxExamples());
    this.publisher = publisher;
    this.pacing = pacing;
    this.executor = executor;
  }

  /** A sample batch with header sequence {@code sequence}. */
  synchronized void onBatch(long sequence, List<Reading> readings) {
    if (batches.putIfAbsent(sequence, readings) != null) {
      duplicates++;
      return;
    }
    rows += readings.size();
    if (!finished && config.schedule().due(rows, lastTrained)) {
      // The agent holds its next row until this training is done, so these are exactly the rows
      // before it (it sends what it holds right at each due count).
      lastTrained = rows;
      History snapshot = ordered();
      int count = rows;
      tail = tail.thenRunAsync(() -> train(snapshot, count), executor);
    }
  }

  private History ordered() {
    History history = new History();
    for (Map.Entry<Long, List<Reading>> batch : batches.entrySet()) {
      for (Reading r : batch.getValue()) {
        history.add(r.getTimestampMs(), r.getValue());
      }
    }
    return history;
  }

  private void train(History snapshot, int count) {
    try {
      Optional<ForecastModel> trained = trainer.train(snapshot, count);
      Optional<ModelPublisher.Published> published = Optional.empty();
      if (trained.isPresent()) {
        var p =
            publisher.publish(
                model,
                deviceId,
                trained.get(),
                lastVersion,
                lastRollout,
                RowSnapshot.of(deviceId, snapshot, count));
        lastVersion = p.version();
        lastRollout = p.rolloutId();
        published = Optional.of(p);
      }
      synchronized (this) {
        trainings.add(new Training(count, published));
      }
      pacing.trained(deviceId, count, published.map(ModelPublisher.Published::version));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pacing.failed(deviceId, count, e);
    } catch (Exception e) {
      pacing.failed(deviceId, count, e);
    }
  }

  /** The replay ended: rows still arriving train nothing. */
  synchronized void finish() {
    finished = true;
  }

  synchronized int rows() {
    return rows;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized List<Training> trainings() {
    return List.copyOf(trainings);
  }
}
