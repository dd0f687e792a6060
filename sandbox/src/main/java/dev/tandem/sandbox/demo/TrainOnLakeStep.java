package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.edgemodel.Activation;
import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.sandbox.run.IngestSettings;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.trainer.data.DeviceSelector;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.job.DataSpec;
import dev.tandem.trainer.job.JobConfig;
import dev.tandem.trainer.job.JobResult;
import dev.tandem.trainer.job.TrainingJob;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.CancellationFlag;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.optimize.OptimizationPlan;
import dev.tandem.trainer.optimize.Variant;
import dev.tandem.trainer.optimize.VariantReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The trainer on the demo fleet's own data: a small fleet sends power summaries for a while, the
 * lake writer stores them, and a training job reads them back through a lake snapshot, trains a
 * forecaster, shrinks it for the edge and registers the version with its variants and lineage. The
 * step then reads the version back from the control plane.
 */
final class TrainOnLakeStep implements DemoStep {
  static final String NAME =
      "train a forecaster on lake data and register it with variants and lineage";
  static final String DEVICE_PREFIX = "demo-train";
  static final String STREAM = "motor.power";
  static final String MODEL = "demo-power-forecaster";
  private static final int DEVICES = 4;
  private static final int ROWS_NEEDED = 160;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final TrainedModel trained;

  TrainOnLakeStep(TrainedModel trained) {
    this.trained = trained;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> component() {
    return Optional.of("trainer");
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    S3Endpoint s3 = sandbox.stack().s3();
    LakeReader lake = new LakeReader(S3Clients.minio(s3), IngestSettings.LAKE_BUCKET, "");
    FleetSpec spec =
        new FleetSpec(
            DEVICES,
            DEVICE_PREFIX,
            sandbox.stack().mqtt().serverUri(),
            sandbox.config().dataDir().resolve("fleet-train"),
            Duration.ofMillis(500),
            23,
            Duration.ofHours(1));
    long start = System.nanoTime();
    long rows = 0;
    try (var fleet = StreamingFleet.start(sandbox, spec)) {
      while (System.nanoTime() - start < TIMEOUT.toNanos()) {
        Thread.sleep(2_000);
        rows =
            lake.read(LakeDatasets.TELEMETRY, TimeRange.ALL).stream()
                .filter(r -> r.deviceId().startsWith(DEVICE_PREFIX))
                .filter(r -> r.streamId().equals(STREAM))
                .count();
        if (rows >= ROWS_NEEDED) {
          break;
        }
      }
    }
    if (rows < ROWS_NEEDED) {
      throw new IllegalStateException(
          "only "
              + rows
              + " "
              + STREAM
              + " summaries reached the lake in "
              + TIMEOUT.toSeconds()
              + " s");
    }
    String version = "1.0." + (System.currentTimeMillis() / 1000);
    var registry = sandbox.registry();
    int window = 8;
    JobConfig job =
        new JobConfig(
            MODEL,
            version,
            null,
            "forecasts the demo fleet's motor power; its error is the anomaly score",
            new DataSpec.Lake(
                s3.url(),
                s3.accessKey(),
                s3.secretKey(),
                s3.region(),
                IngestSettings.LAKE_BUCKET,
                "",
                TimeRange.ALL,
                new DeviceSelector(List.of(DEVICE_PREFIX + "-*")),
                STREAM,
                "mean",
                window,
                new TimeSplit(0.15, 0.15)),
            new Architecture(window, List.of(32, 16), 1, Activation.RELU, Task.FORECAST),
            TrainOptions.of(5, 40, 32, 0.003f),
            new OptimizationPlan(
                new Architecture(window, List.of(4), 1, Activation.RELU, Task.FORECAST),
                0.3f,
                1f,
                0.5,
                10,
                25.0),
            new JobConfig.Registry(registry.baseUri(), registry.adminToken().token()),
            null);
    JobResult result = new TrainingJob(job, line -> {}, new CancellationFlag()).run();
    if (!result.registered()) {
      throw new IllegalStateException("the job finished without registering");
    }
    JsonNode stored =
        new ModelDemo().admin(sandbox).get("/api/v1/models/" + MODEL + "/versions/" + version);
    String manifest = stored.at("/lineage/dataset/manifest").asText();
    if (!manifest.equals(result.dataset().manifest())) {
      throw new IllegalStateException("the version's lineage names " + manifest);
    }
    trained.registered(
        new TrainedModel.Version(
            MODEL,
            version,
            result.variants().stream()
                .filter(VariantReport::registered)
                .filter(v -> v.format().equals(Variant.EDGE))
                .map(v -> new TrainedModel.EdgeVariant(v.name(), v.sizeBytes()))
                .toList()));
    return "%s@%s from %d lake rows (snapshot %s): variants %s registered; teacher rmse %.3f, %s"
        .formatted(
            MODEL,
            version,
            result.dataset().rows(),
            result.dataset().snapshotId(),
            result.registeredVariants(),
            result.variants().get(0).metric(),
            result.variants().stream()
                .skip(1)
                .map(
                    v ->
                        "%s %d bytes, rmse %+.1f%% vs teacher"
                            .formatted(v.name(), v.sizeBytes(), v.qualityLoss()))
                .toList());
  }
}
