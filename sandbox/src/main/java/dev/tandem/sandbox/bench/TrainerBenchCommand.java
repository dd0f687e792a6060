package dev.tandem.sandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.trainer.bench.FamilyResult;
import dev.tandem.trainer.bench.TrainerBench;
import dev.tandem.trainer.optimize.VariantReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench trainer}: training throughput per model family, and the size reduction from
 * the teacher's full-precision artifact to the smallest registered student.
 */
@Command(
    name = "trainer",
    mixinStandardHelpOptions = true,
    description =
        "Training throughput (samples/s) per model family, and teacher vs smallest registered"
            + " student size (goal: at least 90% smaller, quality loss at most 1 point).")
public final class TrainerBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  @Override
  public Integer call() throws Exception {
    List<FamilyResult> families = new TrainerBench(System.out::println).run();
    BenchReport report = new BenchReport("trainer");
    report
        .section("load")
        .put(
            "loadAverage",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    ArrayNode out = report.section("results").putArray("families");
    for (FamilyResult f : families) {
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
    report.print(json);
    System.out.println();
    for (FamilyResult f : families) {
      System.out.println(f.family() + ":");
      System.out.println("  " + VariantReport.header());
      for (VariantReport v : f.variants()) {
        System.out.println("  " + v.row());
      }
    }
    return 0;
  }
}
