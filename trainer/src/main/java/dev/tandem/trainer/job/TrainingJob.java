package dev.tandem.trainer.job;

import dev.tandem.edgemodel.Normalization;
import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.data.DatasetLineage;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.data.LakeForecastSource;
import dev.tandem.trainer.data.Normalizer;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.data.VibrationWindows;
import dev.tandem.trainer.model.CancellationFlag;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainResult;
import dev.tandem.trainer.model.Weights;
import dev.tandem.trainer.optimize.EdgeOptimizer;
import dev.tandem.trainer.optimize.Variant;
import dev.tandem.trainer.optimize.VariantReport;
import dev.tandem.trainer.registry.Digests;
import dev.tandem.trainer.registry.ModelRegistration;
import dev.tandem.trainer.registry.RegistrationRequest;
import dev.tandem.trainer.registry.RegistryApi;
import io.minio.MinioClient;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one job end to end: data, split by time, normalisation fitted on the training part, teacher,
 * edge variants, artifacts and report, registration. Any failure is a {@link TrainerException} with
 * its reason; nothing is sent to the control plane before every artifact is ready and measured.
 */
public final class TrainingJob {
  /**
   * The control plane's hardware classes each kind of variant is registered for: SavedModels where
   * TensorFlow runs, edge files (the pure-Java runtime) on the small boards. A device gets the
   * first registered variant listing its class, so the order of variants decides ties.
   */
  static final List<String> SAVEDMODEL_HARDWARE = List.of("x86-cpu", "x86-gpu");

  static final List<String> EDGE_HARDWARE =
      List.of("arm64-cpu", "raspberry-pi", "jetson-nano", "jetson-orin", "coral");

  private final JobConfig config;
  private final Consumer<String> log;
  private final CancellationFlag cancellation;

  public TrainingJob(JobConfig config, Consumer<String> log, CancellationFlag cancellation) {
    this.config = config;
    this.log = log;
    this.cancellation = cancellation;
  }

  /**
   * @throws TrainerException with the reason the job failed
   */
  public JobResult run() {
    Loaded loaded = load();
    Task task = config.teacher().task();
    TimeSplit.Parts raw = config.data().split().split(loaded.examples());
    log.accept(
        String.format(
            "data: %d examples (%d train, %d validation, %d test, split by time) from %s",
            loaded.examples().size(),
            raw.train().size(),
            raw.validation().size(),
            raw.test().size(),
            loaded.lineage().manifest()));
    int inputs = config.teacher().inputs();
    Normalization in = Normalizer.fitShared(raw.train().x(), inputs);
    Normalization out =
        task == Task.FORECAST
            ? Normalizer.fitShared(raw.train().y(), 1)
            : Normalization.identity(config.teacher().outputs());
    Examples train = normalised(raw.train(), in, out, task);
    Examples validation = normalised(raw.validation(), in, out, task);

    ModelTrainer trainer = new ModelTrainer(p -> log.accept(p.line()), cancellation);
    log.accept("training the teacher " + config.teacher());
    TrainResult teacher =
        trainer.train(
            Weights.initial(config.teacher(), config.training().seed()),
            train,
            validation,
            null,
            null,
            null,
            config.training());
    List<Variant> variants =
        new EdgeOptimizer(trainer, log)
            .run(
                teacher.weights(),
                new EdgeOptimizer.Data(train, validation, raw.validation(), raw.test(), in, out),
                config.optimization(),
                config.training(),
                new EdgeOptimizer.Naming(
                    config.model(),
                    config.version(),
                    Map.of(
                        "task",
                        task == Task.FORECAST ? "forecast" : "classify",
                        "window",
                        Integer.toString(inputs),
                        "classes",
                        task == Task.CLASSIFY ? String.join(",", VibrationWindows.CLASSES) : "")));
    log.accept(VariantReport.header());
    variants.forEach(v -> log.accept(v.report().row()));

    List<Variant> accepted = variants.stream().filter(Variant::registered).toList();
    Map<String, Object> card = ModelCards.card(config, variants);
    Map<String, Object> lineage = ModelCards.lineage(config, loaded.lineage());
    List<String> registered = new ArrayList<>();
    if (config.output() != null) {
      Outputs.write(config.output(), variants, card, lineage);
    }
    if (config.registry() != null) {
      cancellationCheck();
      RegistryApi api =
          new RegistryApi(
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
              config.registry().url(),
              config.registry().token());
      List<RegistrationRequest.Artifact> artifacts = new ArrayList<>();
      for (Variant v : accepted) {
        artifacts.add(
            new RegistrationRequest.Artifact(
                v.name(),
                v.report().format(),
                v.report().format().equals(Variant.SAVEDMODEL)
                    ? SAVEDMODEL_HARDWARE
                    : EDGE_HARDWARE,
                v.artifact()));
      }
      ModelRegistration.Registered done =
          new ModelRegistration(api, log)
              .register(
                  new RegistrationRequest(
                      config.model(),
                      config.description(),
                      config.version(),
                      config.parentVersion(),
                      card,
                      lineage,
                      artifacts));
      registered.addAll(done.variants());
      log.accept(
          "registered " + config.model() + "@" + config.version() + " with " + done.variants());
    }
    JobResult r =
        new JobResult(
            config.model(),
            config.version(),
            task.name().toLowerCase(java.util.Locale.ROOT),
            loaded.lineage(),
            raw.train().size(),
            raw.validation().size(),
            raw.test().size(),
            teacher.history(),
            teacher.samplesPerSecond(),
            variants.stream().map(Variant::report).toList(),
            registered,
            !registered.isEmpty(),
            card,
            lineage);
    if (config.output() != null) {
      Outputs.writeReport(config.output(), r);
    }
    return r;
  }

  private void cancellationCheck() {
    if (cancellation.isCancelled()) {
      throw new TrainerException(TrainerError.CANCELLED, "cancelled before registration");
    }
  }

  private record Loaded(Examples examples, DatasetLineage lineage) {}

  private Loaded load() {
    if (config.data() instanceof DataSpec.Lake lake) {
      MinioClient s3 =
          MinioClient.builder()
              .endpoint(lake.s3().toString())
              .region(lake.region())
              .credentials(lake.accessKey(), lake.secretKey())
              .build();
      LakeForecastSource.Loaded l =
          new LakeForecastSource(new LakeReader(s3, lake.bucket(), lake.prefix()))
              .load(
                  new LakeForecastSource.Query(
                      lake.range(), lake.devices(), lake.stream(), lake.field(), lake.window()));
      log.accept(
          "lake snapshot "
              + l.lineage().snapshotId()
              + ": "
              + l.lineage().rows()
              + " rows, "
              + l.series()
              + " series of stream "
              + lake.stream());
      return new Loaded(l.examples(), l.lineage());
    }
    DataSpec.SyntheticVibration s = (DataSpec.SyntheticVibration) config.data();
    String description =
        "synthetic:vibration-windows?seed="
            + s.seed()
            + "&examples="
            + s.examples()
            + "&window="
            + s.window();
    return new Loaded(
        VibrationWindows.generate(s.seed(), s.examples(), s.window(), 0),
        new DatasetLineage(
            description,
            Digests.sha256(description.getBytes(StandardCharsets.UTF_8)),
            null,
            s.examples()));
  }

  private static Examples normalised(Examples e, Normalization in, Normalization out, Task task) {
    float[] y = task == Task.FORECAST ? Normalizer.apply(out, e.y()) : e.y();
    return new Examples(e.inputs(), e.outputs(), Normalizer.apply(in, e.x()), y, e.timeMs());
  }
}
