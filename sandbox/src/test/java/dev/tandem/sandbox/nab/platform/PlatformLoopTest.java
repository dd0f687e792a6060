package dev.tandem.sandbox.nab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.loop.FeatureSpec;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.LoopRunner;
import dev.tandem.nab.loop.RetrainSchedule;
import dev.tandem.nab.loop.artifact.ForecastArtifact;
import dev.tandem.nab.loop.artifact.ForecastVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A short series through the real platform (embedded broker, Kafka, object store, PostgreSQL, the
 * packaged control plane and ingest): the agent must switch models only through rollouts, each
 * model must have been trained on exactly the rows before its switch (the registry's lineage says
 * so), and the scores must be those of the in-process loop.
 */
class PlatformLoopTest {
  private static final long START = 1_396_310_400_000L; // 2014-04-01 00:00 UTC
  private static final long HOUR = 3_600_000L;

  /** Hourly daily wave with noise and one spike at row 330. */
  private static Series series() {
    Random random = new Random(11);
    int rows = 400;
    long[] times = new long[rows];
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = START + i * HOUR;
      values[i] = 500 + 40 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + 4 * random.nextGaussian();
    }
    values[330] += 150;
    return new Series("synthetic/daily_spike.csv", times, values);
  }

  /** The defaults with a small schedule and model, so that a few hundred rows see five models. */
  private static LoopConfig config() {
    return LoopConfig.defaults()
        .withForecasting(
            new FeatureSpec(6, List.of(FeatureSpec.DAY_MILLIS), 1),
            new RetrainSchedule(60, 1.5, 100));
  }

  private static List<Integer> dueRows(LoopConfig config, int rows) {
    List<Integer> due = new ArrayList<>();
    int last = 0;
    for (int i = 0; i < rows; i++) {
      if (config.schedule().due(i, last)) {
        due.add(i);
        last = i;
      }
    }
    return due;
  }

  @Test
  void agentSwitchesThroughRolloutsToModelsOfPastRowsAndScoresAsInProcess() throws Exception {
    Series series = series();
    LoopConfig config = config();
    List<Integer> due = dueRows(config, series.size());
    assertThat(due).containsExactly(60, 90, 135, 203, 303);

    double[] scores;
    PlatformLoopRunner.StreamReport report;
    try (var platform = PlatformLoopRunner.start(config, ForecastVariant.FP32, System.err)) {
      scores = platform.scores(series);
      report = platform.reports().get(series.name());
      var admin = platform.admin();

      // (a) one switch per due row, each the version a rollout to this device installed
      assertThat(report.switches()).extracting(LoopDevice.Switch::row).isEqualTo(due);
      for (LoopDevice.Switch s : report.switches()) {
        JsonNode rollout = admin.get("/api/v1/rollouts/" + s.rolloutId());
        assertThat(rollout.at("/spec/model").asText()).isEqualTo(report.model());
        assertThat(rollout.at("/spec/version").asText()).isEqualTo(s.version());
        assertThat(rollout.at("/spec/selector").asText()).isEqualTo("id=" + report.deviceId());
        assertThat(rollout.path("devices").asInt()).isEqualTo(1);
      }
      // The engine saw the last one through to the device's report (earlier ones had to
      // complete before the next could be created).
      awaitCompleted(admin, report.switches().get(due.size() - 1).rolloutId());

      // (b) the registry's lineage: the model applied from row t was trained on rows 0 .. t-1
      for (LoopDevice.Switch s : report.switches()) {
        JsonNode version =
            admin.get("/api/v1/models/" + report.model() + "/versions/" + s.version());
        JsonNode parameters = version.at("/lineage/trainingParameters");
        assertThat(parameters.path("trainedRows").asInt()).isEqualTo(s.row());
        assertThat(parameters.path("lastRow").asInt()).isLessThan(s.row());
        assertThat(version.at("/lineage/dataset/manifest").asText())
            .endsWith("/" + report.deviceId() + "?rows=0-" + (s.row() - 1));
        assertThat(version.path("variants")).hasSize(2);
      }
    }

    // (c) the same scores as in process with the same edge-model files: bit for bit, since the
    // rows reach the cloud as exact doubles and the agent runs the same float32 forward pass
    double[] viaFiles =
        LoopRunner.withRidge(config, ForecastArtifact.roundTrip(ForecastVariant.FP32))
            .scores(series);
    assertThat(scores).containsExactly(viaFiles);
    // and within float32 rounding of the in-process loop with double-precision models
    double[] exact = LoopRunner.withRidge(config).scores(series);
    double worst = 0;
    for (int i = 0; i < exact.length; i++) {
      worst = Math.max(worst, Math.abs(exact[i] - scores[i]));
    }
    assertThat(worst).isLessThan(1e-4);
    assertThat(scores[330]).as("the spike").isGreaterThanOrEqualTo(0.5);
  }

  private static void awaitCompleted(dev.tandem.trainer.registry.RegistryApi admin, String id)
      throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    String state = "";
    while (System.nanoTime() < deadline) {
      state = admin.get("/api/v1/rollouts/" + id).path("state").asText();
      if (state.equals("COMPLETED")) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(state).as("rollout " + id).isEqualTo("COMPLETED");
  }
}
