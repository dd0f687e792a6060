package dev.tandem.trainer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.ConfigError;
import dev.tandem.trainer.model.Task;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobConfigReaderTest {
  private final JobConfigReader reader =
      new JobConfigReader(Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));

  @Test
  void minimalSyntheticJob_takesDefaults() {
    JobConfig c = reader.parse("model: vibration\ndata:\n  source: synthetic-vibration\n");
    assertThat(c.version()).isEqualTo("0.0.0-t20261124.030000");
    assertThat(c.teacher().task()).isEqualTo(Task.CLASSIFY);
    assertThat(c.teacher().inputs()).isEqualTo(32);
    assertThat(c.optimization().tolerance()).isEqualTo(1.0);
    assertThat(c.registry()).isNull();
  }

  @Test
  void lakeJob_isAForecaster() {
    JobConfig c =
        reader.parse(
            """
            model: temperature
            version: 1.2.0
            parent-version: 1.1.0
            data:
              source: lake
              s3: {url: "http://127.0.0.1:9000", access-key: a, secret-key: b}
              from: 2026-11-23T00:00:00Z
              to: 2026-11-24T00:00:00Z
              devices: ["sim-*"]
              stream: temperature
              window: 12
            teacher: {hidden: [32, 16]}
            student: {hidden: [4], activation: tanh}
            training: {epochs: 5}
            registry: {url: "http://127.0.0.1:8080", token: tdm_x}
            """);
    assertThat(c.teacher().task()).isEqualTo(Task.FORECAST);
    assertThat(c.teacher().inputs()).isEqualTo(12);
    assertThat(c.optimization().student().hidden()).containsExactly(4);
    assertThat(c.optimization().tolerance()).isEqualTo(5.0);
    assertThat(((DataSpec.Lake) c.data()).devices().matches("sim-7")).isTrue();
    assertThat(c.registry().toString()).doesNotContain("tdm_x");
  }

  @Test
  void errors_nameTheKey() {
    error(
        "model: x\ndata: {source: synthetic-vibration}\ntraining: {learning-rate: -1}\n",
        "training.learning-rate");
    error("model: x\ndata: {source: csv}\n", "data.source");
    error(
        "model: x\ndata: {source: synthetic-vibration}\nteacher: {hidden: [a]}\n",
        "teacher.hidden[0]");
    error("model: X!\ndata: {source: synthetic-vibration}\n", "model");
    error("model: x\ndata: {source: synthetic-vibration}\noptimisation: {}\n", "optimisation");
    error(
        "model: x\ndata: {source: synthetic-vibration, split: {validation: 0.5, test: 0.5}}\n",
        "data.split");
    error(
        "model: x\ndata: {source: lake, s3: {url: 'ftp://h', access-key: a, secret-key: b},"
            + " from: 2026-11-23T00:00:00Z, to: 2026-11-24T00:00:00Z, stream: t}\n",
        "data.s3.url");
    error(
        "model: x\ndata: {source: lake, s3: {url: 'http://h', access-key: a, secret-key: b},"
            + " from: yesterday, to: 2026-11-24T00:00:00Z, stream: t}\n",
        "data.from");
  }

  private void error(String yaml, String key) {
    assertThatThrownBy(() -> reader.parse(yaml))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(key);
  }
}
