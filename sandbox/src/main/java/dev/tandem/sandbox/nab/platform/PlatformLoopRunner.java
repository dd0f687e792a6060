package dev.tandem.sandbox.nab.platform;

import dev.tandem.edge.update.UpdateContext;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.artifact.ForecastVariant;
import dev.tandem.nab.run.SeriesScorer;
import dev.tandem.sandbox.registry.DeviceEnrollment;
import dev.tandem.sandbox.run.PrivateSandbox;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loop through the platform: a private sandbox (broker, Kafka, object store, PostgreSQL, the
 * control plane, ingest), a {@link LoopWorker} consuming the devices' samples, and per series one
 * enrolled {@link LoopDevice} whose update client takes each model through a rollout. Safe to score
 * several series at once (one device each).
 */
public final class PlatformLoopRunner implements SeriesScorer, AutoCloseable {
  /** How long one training, or one switch, may take before the replay gives up. */
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  /** What one series' replay did. */
  public record StreamReport(
      String series,
      String deviceId,
      String model,
      int rows,
      int trainings,
      List<LoopDevice.Switch> switches,
      List<StreamWorker.Training> published,
      long duplicates,
      double seconds) {}

  private final LoopConfig config;
  private final PrivateSandbox platform;
  private final RegistryApi admin;
  private final UpdateContext updates;
  private final LoopWorker worker;
  private final ModelPublisher publisher;
  private final TrainingPacing pacing = new TrainingPacing();
  private final PrintStream progress;
  private final Map<String, StreamReport> reports = new ConcurrentHashMap<>();

  private PlatformLoopRunner(
      LoopConfig config, ForecastVariant variant, PrivateSandbox platform, PrintStream progress) {
    this.config = config;
    this.platform = platform;
    this.progress = progress;
    this.admin = platform.admin();
    this.updates = UpdateContext.create(InstantSource.system(), 2);
    this.worker = LoopWorker.start(platform.sandbox().stack().kafka().bootstrapServers(), 4);
    this.publisher = new ModelPublisher(admin, config, variant);
  }

  /**
   * Starts the platform and the worker.
   *
   * @param variant the variant rolled out to the agents ({@code fp32} or {@code int8}); both are
   *     registered
   */
  public static PlatformLoopRunner start(
      LoopConfig config, ForecastVariant variant, PrintStream progress) throws IOException {
    PrivateSandbox platform = PrivateSandbox.start("tandem-nab-loop-", progress);
    try {
      return new PlatformLoopRunner(config, variant, platform, progress);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  @Override
  public double[] scores(Series series) {
    try {
      return replay(series);
    } catch (IOException e) {
      throw new UncheckedIOException(series.name() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(series.name() + ": interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(series.name() + ": " + e.getMessage(), e);
    }
  }

  private double[] replay(Series series) throws Exception {
    long start = System.nanoTime();
    StreamName name = StreamName.of(series.name());
    publisher.createModel(name.model(), series.name());
    DeviceEnrollment enrollment =
        DeviceEnrollment.enroll(
            admin, name.deviceId(), ModelPublisher.HARDWARE, List.of(ModelPublisher.GROUP));
    StreamWorker stream =
        new StreamWorker(
            enrollment.deviceId(), name.model(), config, publisher, pacing, worker.trainers());
    worker.add(enrollment.deviceId(), stream);
    URI broker = URI.create(platform.sandbox().stack().mqtt().serverUri());
    try (LoopDevice device =
        new LoopDevice(
            enrollment,
            name.model(),
            broker,
            admin.baseUri(),
            platform.scratch().resolve("devices").resolve(enrollment.deviceId()),
            updates,
            config)) {
      device.connect();
      double[] scores = device.replay(series, pacing, STEP_TIMEOUT, stream::finish);
      var report =
          new StreamReport(
              series.name(),
              device.id(),
              name.model(),
              series.size(),
              device.trainings(),
              device.switches(),
              stream.trainings(),
              stream.duplicates(),
              (System.nanoTime() - start) / 1e9);
      reports.put(series.name(), report);
      progress.printf(
          Locale.ROOT,
          "  %-55s %6d rows  %3d trainings  %3d switches (rollouts)  %6.1f s%n",
          series.name(),
          report.rows(),
          report.trainings(),
          report.switches().size(),
          report.seconds());
      return scores;
    }
  }

  /** What each replayed series did, by series name. */
  public Map<String, StreamReport> reports() {
    return Map.copyOf(reports);
  }

  /** The control plane's REST API, as admin. */
  public RegistryApi admin() {
    return admin;
  }

  @Override
  public void close() {
    try {
      worker.close();
      updates.close();
    } finally {
      platform.close();
    }
  }
}
