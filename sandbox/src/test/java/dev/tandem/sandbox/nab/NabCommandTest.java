package dev.tandem.sandbox.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.sandbox.TandemMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the real {@code tandem nab} commands in this JVM on a small made-up corpus. */
class NabCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tandem(String... args) {
    CommandLine commandLine = TandemMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** Two series: a noisy cycle with a spike at row 1500 (labeled), and a clean one. */
  @BeforeEach
  void corpus() throws Exception {
    Random random = new Random(1);
    StringBuilder spiky = new StringBuilder("timestamp,value\n");
    StringBuilder calm = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 2000; i++) {
      String time =
          String.format("2014-04-%02d %02d:%02d:00", 1 + i / 288, (i % 288) / 12, (i % 12) * 5);
      double value = 50 + 10 * Math.sin(i * 2 * Math.PI / 100) + random.nextGaussian();
      spiky.append(time).append(',').append(i == 1500 ? value + 60 : value).append('\n');
      calm.append(time).append(',').append(value).append('\n');
    }
    spiky.append("2014-04-08 00:00:00,not-a-number\n");
    Files.createDirectories(dir.resolve("data/known"));
    Files.writeString(dir.resolve("data/known/spiky.csv"), spiky);
    Files.writeString(dir.resolve("data/calm.csv"), calm);
    // row 1500 is 2014-04-06 05:00; the window spans rows 1500..1599
    Files.writeString(
        dir.resolve("windows.json"),
        """
        {"known/spiky.csv": [["2014-04-06 05:00:00.000000", "2014-04-06 13:15:00.000000"]],
         "calm.csv": []}
        """);
  }

  @Test
  void runThenScoreFindsTheLabeledSpike() throws Exception {
    int run =
        tandem(
            "nab",
            "run",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(run).isZero();
    assertThat(out.toString())
        .contains(
            "[ 1/2] calm.csv",
            "[ 2/2] known/spiky.csv",
            "2 series, 4000 rows, 1 broken lines skipped");
    assertThat(err.toString())
        .contains(
            "warning: known/spiky.csv:2002: value 'not-a-number' is not a number; line skipped");
    assertThat(Files.readAllLines(dir.resolve("out/known/spiky.csv"))).hasSize(2001);

    Path json = dir.resolve("report/nab.json");
    int score =
        tandem(
            "nab", "score",
            "--results", dir.resolve("out").toString(),
            "--windows", dir.resolve("windows.json").toString(),
            "--json", json.toString());

    assertThat(score).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(Files.readString(json));
    assertThat(report.at("/profiles/0/profile").asText()).isEqualTo("standard");
    assertThat(report.at("/profiles/0/threshold").asDouble()).isEqualTo(1.0);
    assertThat(report.at("/profiles/0/tp").asInt()).isEqualTo(1);
    assertThat(report.at("/profiles/0/fn").asInt()).isZero();
    assertThat(report.at("/profiles/0/files/1/file").asText()).isEqualTo("known/spiky.csv");
    assertThat(report.at("/profiles/0/files/1/tp").asInt()).isEqualTo(1);
    // the spike is found at the window's first row (1.0); the rest is false positives
    int fp = report.at("/profiles/0/fp").asInt();
    assertThat(report.at("/profiles/0/raw").asDouble()).isCloseTo(1.0 - 0.11 * fp, within(1e-9));
    assertThat(out.toString()).contains("reward_low_FN_rate", "2 series, 4000 rows, 1 windows");
  }

  @Test
  void scoreWithoutJsonFilePrintsJsonOnStdout() throws Exception {
    tandem(
        "nab",
        "run",
        "--data",
        dir.resolve("data").toString(),
        "--out",
        dir.resolve("out").toString());
    out.getBuffer().setLength(0);

    int exit =
        tandem(
            "nab", "score",
            "--results", dir.resolve("out").toString(),
            "--windows", dir.resolve("windows.json").toString());

    assertThat(exit).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("profiles")).hasSize(3);
    assertThat(err.toString()).contains("profile", "standard");
  }

  @Test
  void missingDataFolderIsOneLineWithExitCodeTwo() {
    int exit =
        tandem(
            "nab",
            "run",
            "--data",
            dir.resolve("nope").toString(),
            "--out",
            dir.resolve("o").toString());

    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tandem: configuration error: --data: " + dir.resolve("nope") + " is not a directory");
  }

  @Test
  void loopModeRetrainsOnTheRowsSoFarAndFindsTheLabeledSpike() throws Exception {
    int run =
        tandem(
            "nab",
            "run",
            "--mode",
            "loop",
            "--in-process",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(run).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "NAB run: loop in process",
            "[ 2/2] known/spiky.csv",
            "2 series, 4000 rows",
            // 2000 rows each: trained at 300, 450, 675, 1013, 1520 rows
            "10 models trained");
    Path json = dir.resolve("loop.json");
    tandem(
        "nab", "score",
        "--results", dir.resolve("out").toString(),
        "--windows", dir.resolve("windows.json").toString(),
        "--json", json.toString());
    JsonNode report = new ObjectMapper().readTree(Files.readString(json));
    assertThat(report.at("/profiles/0/tp").asInt()).isEqualTo(1);
    assertThat(report.at("/profiles/0/fn").asInt()).isZero();
  }

  @Test
  void inProcessLoopThroughTheInt8ArtifactRunsSeriesInParallel() throws Exception {
    int run =
        tandem(
            "nab",
            "run",
            "--mode",
            "loop",
            "--in-process",
            "--variant",
            "int8",
            "--parallel",
            "2",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(run).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "through the int8 artifact",
            "2 series, 4000 rows",
            "summed over series, 2 at once",
            "10 models trained");
  }

  @Test
  void loopOptionsAreCheckedNamingTheFlag() {
    String data = dir.resolve("data").toString();
    String o = dir.resolve("o").toString();
    assertThat(tandem("nab", "run", "--variant", "int8", "--data", data, "--out", o))
        .isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(
            tandem("nab", "run", "--mode", "loop", "--variant", "fp16", "--data", data, "--out", o))
        .isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(
            tandem(
                "nab",
                "run",
                "--mode",
                "loop",
                "--in-process",
                "--parallel",
                "0",
                "--data",
                data,
                "--out",
                o))
        .isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().lines().map(String::strip))
        .containsExactly(
            "tandem: configuration error: --variant: only in --mode loop",
            "tandem: configuration error: --variant: unknown variant 'fp16'; known: fp32, int8",
            "tandem: configuration error: --parallel: must be at least 1, got 0");
  }

  @Test
  void loopModeRefusesADetectorAndUnknownModesAreUsageErrors() {
    int exit =
        tandem(
            "nab", "run",
            "--mode", "loop",
            "--detector", "null",
            "--data", dir.resolve("data").toString(),
            "--out", dir.resolve("o").toString());
    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tandem: configuration error: --detector: only in --mode baseline; the loop has its own");

    assertThat(
            tandem(
                "nab",
                "run",
                "--mode",
                "oracle",
                "--data",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--mode", "oracle");
  }

  @Test
  void unknownDetectorIsOneLineNamingTheKnownOnes() {
    int exit =
        tandem(
            "nab",
            "run",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("o").toString(),
            "--detector",
            "oracle");

    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tandem: configuration error: --detector: unknown detector 'oracle'; known: null, robust-stat");
  }

  @Test
  void malformedWindowsFileIsOneLineWithExitCodeTwo() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "[1, 2]");

    int exit =
        tandem(
            "nab",
            "score",
            "--results",
            dir.resolve("data").toString(),
            "--windows",
            dir.resolve("bad.json").toString());

    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .startsWith("tandem: configuration error: --windows: ")
        .endsWith("expected a JSON object mapping series to windows")
        .doesNotContain("Exception");
  }

  @Test
  void missingRequiredOptionOrSubcommandIsAUsageError() {
    assertThat(tandem("nab", "run", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    assertThat(tandem("nab")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand: run or score");
  }
}
