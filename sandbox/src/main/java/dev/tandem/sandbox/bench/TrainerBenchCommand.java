package dev.tandem.sandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.sandbox.bench.detector.DetectorBench;
import dev.tandem.sandbox.bench.detector.DetectorResult;
import dev.tandem.sandbox.bench.detector.DetectorVariant;
import dev.tandem.sandbox.bench.detector.DistilledForecasters;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.trainer.bench.FamilyResult;
import dev.tandem.trainer.bench.TrainerBench;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.optimize.VariantReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench trainer}: training throughput per model family, and the size reduction from
 * the teacher's full-precision artifact to the smallest registered student; for the NAB detector,
 * the quality loss is the NAB score of the loop run with the teacher vs with the student.
 */
@Command(
    name = "trainer",
    mixinStandardHelpOptions = true,
    description =
        "Training throughput (samples/s) per model family, and teacher vs smallest registered"
            + " student size (goal: at least 90% smaller, quality loss at most 1 point; for the"
            + " detector, the NAB score of the loop with the teacher vs with the student).")
public final class TrainerBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The model families. */
  enum Family {
    classifier,
    forecaster,
    detector
  }

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  @Option(
      names = "--family",
      split = ",",
      paramLabel = "NAME",
      description =
          "Families to run: classifier, forecaster, detector (default: all; detector takes about"
              + " 10-20 minutes on 2 cores).")
  Set<Family> families = EnumSet.allOf(Family.class);

  @Option(
      names = "--nab",
      paramLabel = "DIR",
      defaultValue = "../shared/data/nab",
      description =
          "detector: NAB folder with data/ and combined_windows.json (default: ${DEFAULT-VALUE}).")
  Path nab;

  @Option(
      names = "--nab-out",
      paramLabel = "DIR",
      description = "detector: where each variant's NAB results go (default: a temporary folder).")
  Path nabOut;

  @Option(
      names = "--teacher-hidden",
      split = ",",
      paramLabel = "WIDTH",
      description = "detector: the teacher MLP's hidden layers (default: 128,64).")
  List<Integer> teacherHidden = List.of(128, 64);

  @Option(
      names = "--student-hidden",
      split = ",",
      paramLabel = "WIDTH",
      description = "detector: the distilled student's hidden layers (default: 32).")
  List<Integer> studentHidden = List.of(32);

  @Override
  public Integer call() throws Exception {
    DetectorResult detector = null;
    if (families.contains(Family.detector)) {
      detector = detector();
    }
    TrainerBench bench = new TrainerBench(System.out::println);
    List<FamilyResult> results = new ArrayList<>();
    if (families.contains(Family.classifier)) {
      results.add(bench.classifier());
    }
    if (families.contains(Family.forecaster)) {
      results.add(bench.forecaster());
    }
    BenchReport report = new BenchReport("trainer");
    report
        .section("load")
        .put(
            "loadAverage",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    ObjectNode section = report.section("results");
    ArrayNode out = section.putArray("families");
    for (FamilyResult f : results) {
      ObjectNode node = JSON.valueToTree(f);
      out.add(node);
      report.row(
          f.family() + " teacher training (samples/s)",
          String.format(Locale.ROOT, "%.0f", f.teacherSamplesPerSecond()),
          "",
          true);
      report.row(
          f.family() + " student distillation (samples/s)",
          String.format(Locale.ROOT, "%.0f", f.studentSamplesPerSecond()),
          "",
          true);
      boolean classifier = f.qualityUnit().equals("points");
      report.row(
          f.family() + " size reduction (" + f.smallestStudent() + ")",
          String.format(Locale.ROOT, "%.1f%%", f.sizeReductionPercent()),
          ">= 90%",
          f.sizeReductionPercent() >= 90);
      report.row(
          f.family() + " quality loss",
          String.format(Locale.ROOT, "%.2f %s", f.qualityLoss(), f.qualityUnit()),
          classifier ? "<= 1 point" : "<= 5 % rmse",
          f.qualityLoss() <= (classifier ? 1.0 : 5.0));
    }
    if (detector != null) {
      section.set("detector", JSON.valueToTree(detector));
      DetectorVariant teacher = detector.variants().get(0);
      report.row(
          "nab-detector teacher NAB standard",
          String.format(Locale.ROOT, "%.2f", teacher.standard()),
          "",
          true);
      report.row(
          "nab-detector size reduction (" + detector.smallestStudent() + ")",
          String.format(Locale.ROOT, "%.1f%%", detector.sizeReductionPercent()),
          ">= 90%",
          detector.sizeReductionPercent() >= 90);
      report.row(
          "nab-detector NAB loss (standard)",
          String.format(Locale.ROOT, "%.2f points", detector.qualityLossPoints()),
          "<= 1 point",
          detector.toleranceMet());
    }
    report.print(json);
    System.out.println();
    for (FamilyResult f : results) {
      System.out.println(f.family() + ":");
      System.out.println("  " + VariantReport.header());
      for (VariantReport v : f.variants()) {
        System.out.println("  " + v.row());
      }
    }
    if (detector != null) {
      System.out.println(
          "nab-detector (teacher " + detector.teacher() + ", student " + detector.student() + "):");
      System.out.println("  " + DetectorVariant.header());
      for (DetectorVariant v : detector.variants()) {
        System.out.println("  " + v.row());
      }
      for (DetectorVariant v : detector.ridge()) {
        System.out.println("  " + v.row());
      }
    }
    return 0;
  }

  private DetectorResult detector() throws Exception {
    Path data = nab.resolve("data");
    Path windows = nab.resolve("combined_windows.json");
    if (!Files.isDirectory(data) || !Files.isRegularFile(windows)) {
      throw new ConfigException(
          "--nab: " + nab + " must hold data/ and combined_windows.json (or leave out detector)");
    }
    Path out = nabOut != null ? nabOut : Files.createTempDirectory("tandem-bench-detector");
    System.out.println("nab-detector: results under " + out);
    // At most 10 epochs, batch 128, Adam 0.002, early stopping after 3 epochs without gain, seed 1.
    var forecasters =
        new DistilledForecasters(
            teacherHidden, studentHidden, TrainOptions.of(1, 10, 128, 0.002f).withPatience(3));
    return new DetectorBench(LoopConfig.defaults(), forecasters, 1.0, System.out::println)
        .run(data, windows, out);
  }
}
