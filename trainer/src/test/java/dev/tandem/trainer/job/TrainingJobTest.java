package dev.tandem.trainer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.model.CancellationFlag;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {
  static final String SMALL_JOB =
      """
      model: vibration
      version: 1.0.0
      seed: 3
      data: {source: synthetic-vibration, examples: 1500, window: 32}
      teacher: {hidden: [64, 32]}
      student: {hidden: [12]}
      training: {epochs: 12, batch-size: 64, learning-rate: 0.003}
      optimization: {sparsity: 0.5, fine-tune-epochs: 4, tolerance: 1.0}
      """;

  @Test
  void syntheticJob_writesArtifactsCardAndReport(@TempDir Path dir) throws Exception {
    JobConfig config =
        new JobConfigReader(Clock.systemUTC()).parse(SMALL_JOB + "output: " + dir + "\n");
    List<String> log = new ArrayList<>();
    JobResult r = new TrainingJob(config, log::add, new CancellationFlag()).run();
    assertThat(log).anyMatch(l -> l.startsWith("epoch 1 loss"));
    assertThat(r.variants()).hasSize(4);
    assertThat(r.registered()).isFalse();
    assertThat(dir.resolve("teacher-fp32.savedmodel.zip")).exists();
    assertThat(new EdgeModelReader().read(dir.resolve("student-int8.tedg")).metadata())
        .containsEntry("task", "classify")
        .containsEntry("classes", "normal,imbalance,misalignment,bearing");
    JsonNode card = Outputs.JSON.readTree(dir.resolve("model-card.json").toFile());
    assertThat(card.at("/lineage/dataset/manifest").asText()).startsWith("synthetic:");
    assertThat(card.at("/lineage/trainingParameters/seed").asLong()).isEqualTo(3);
    assertThat(card.at("/card/metrics/student-int8.accuracy").isNumber()).isTrue();
    JsonNode report = Outputs.JSON.readTree(dir.resolve("report.json").toFile());
    assertThat(report.path("variants")).hasSize(4);
    assertThat(Files.size(dir.resolve("student-int8.tedg")))
        .isLessThan(Files.size(dir.resolve("teacher-fp32.savedmodel.zip")) / 10);
  }

  @Test
  void registryDown_failsWithItsReason_andRegistersNothing() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    JobConfig config =
        new JobConfigReader(Clock.systemUTC())
            .parse(
                SMALL_JOB.replace("epochs: 12", "epochs: 2")
                    + "registry: {url: 'http://127.0.0.1:"
                    + port
                    + "', token: tdm_test}\n");
    List<String> log = new ArrayList<>();
    assertThatThrownBy(() -> new TrainingJob(config, log::add, new CancellationFlag()).run())
        .isInstanceOfSatisfying(
            TrainerException.class,
            e -> assertThat(e.error()).isEqualTo(TrainerError.REGISTRY_UNAVAILABLE))
        .hasMessageContaining("cannot reach the control plane");
    assertThat(log).noneMatch(l -> l.startsWith("uploaded") || l.startsWith("registered"));
  }

  @Test
  void cancelled_beforeAnythingIsRegistered() {
    CancellationFlag flag = new CancellationFlag();
    flag.cancel();
    JobConfig config = new JobConfigReader(Clock.systemUTC()).parse(SMALL_JOB);
    assertThatThrownBy(() -> new TrainingJob(config, l -> {}, flag).run())
        .isInstanceOfSatisfying(
            TrainerException.class, e -> assertThat(e.error()).isEqualTo(TrainerError.CANCELLED));
  }
}
