package dev.tandem.sandbox.bench.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.nab.loop.FeatureSpec;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.RetrainSchedule;
import dev.tandem.trainer.model.TrainOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector family on a two-series synthetic corpus, with a tiny teacher and student. */
class DetectorBenchTest {
  @TempDir Path dir;

  /** A noisy 5-minute cycle, with a jump at row 700 when {@code spike}. */
  private static String series(long seed, boolean spike) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 900; i++) {
      String time =
          String.format("2014-04-%02d %02d:%02d:00", 1 + i / 288, (i % 288) / 12, (i % 12) * 5);
      double value = 50 + 10 * Math.sin(i * 2 * Math.PI / 48) + random.nextGaussian();
      csv.append(time).append(',').append(spike && i == 700 ? value + 60 : value).append('\n');
    }
    return csv.toString();
  }

  @Test
  void teacherAndStudentsRunTheLoopThroughTheirFilesAndAreScored() throws Exception {
    Files.createDirectories(dir.resolve("data/synthetic"));
    Files.writeString(dir.resolve("data/synthetic/spiky.csv"), series(1, true));
    Files.writeString(dir.resolve("data/synthetic/calm.csv"), series(2, false));
    // row 700 is 2014-04-03 10:20; the window spans rows 700..739
    Files.writeString(
        dir.resolve("windows.json"),
        """
        {"synthetic/spiky.csv": [["2014-04-03 10:20:00.000000", "2014-04-03 13:35:00.000000"]],
         "synthetic/calm.csv": []}
        """);
    LoopConfig config =
        LoopConfig.defaults()
            .withForecasting(new FeatureSpec(6, List.of(), 0), new RetrainSchedule(200, 1.5, 400));
    var forecasters =
        new DistilledForecasters(
            List.of(16), List.of(4), TrainOptions.of(1, 2, 64, 0.01f).withPatience(1));
    List<String> log = new ArrayList<>();

    DetectorResult result =
        new DetectorBench(config, forecasters, 1.0, log::add)
            .run(dir.resolve("data"), dir.resolve("windows.json"), dir.resolve("out"));

    assertThat(result.series()).isEqualTo(2);
    // 200, 300, 450 and 675 rows per series; the students reuse the teacher's trainings.
    assertThat(result.trainings()).isEqualTo(8);
    assertThat(forecasters.trainings()).hasSize(8);
    assertThat(result.variants())
        .extracting(DetectorVariant::name)
        .containsExactly(
            DistilledForecasters.TEACHER, "student-fp32", "student-int8", "student-pruned-int8");
    DetectorVariant teacher = result.variants().get(0);
    assertThat(teacher.artifactFormat()).isEqualTo("savedmodel");
    assertThat(teacher.meanArtifactBytes()).isPositive();
    assertThat(teacher.lossPoints()).isZero();
    for (DetectorVariant v : result.variants()) {
      assertThat(v.standard()).as(v.name()).isBetween(-100.0, 100.0);
      assertThat(v.meanEdgeFileBytes()).as(v.name()).isPositive();
      assertThat(v.meanHeldOutRmse()).as(v.name()).isPositive();
      assertThat(v.lossPoints()).isCloseTo(teacher.standard() - v.standard(), within(1e-9));
      assertThat(Files.isRegularFile(dir.resolve("out/" + v.name() + "/synthetic/spiky.csv")))
          .isTrue();
    }
    for (DetectorVariant student : result.variants().subList(1, 4)) {
      assertThat(student.meanArtifactBytes()).isPositive().isLessThan(teacher.meanArtifactBytes());
    }
    assertThat(result.variants().get(2).meanArtifactBytes())
        .as("int8 below fp32")
        .isLessThan(result.variants().get(1).meanArtifactBytes());
    assertThat(result.smallestStudent()).isIn(DetectorBench.STUDENTS);
    assertThat(result.sizeReductionPercent()).isBetween(0.0, 100.0);
    assertThat(result.toleranceMet()).isEqualTo(result.qualityLossPoints() <= 1.0);
    assertThat(result.ridge())
        .extracting(DetectorVariant::name)
        .containsExactly("ridge-fp32", "ridge-int8");
    assertThat(result.ridge().get(1).meanArtifactBytes())
        .isLessThan(result.ridge().get(0).meanArtifactBytes());
    assertThat(log).anyMatch(line -> line.contains("teacher-fp32 2/2"));
  }
}
