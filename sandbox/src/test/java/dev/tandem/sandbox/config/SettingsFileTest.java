package dev.tandem.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  @TempDir Path dir;

  @Test
  void readsKeyValueLinesAndIgnoresComments() throws Exception {
    Path file = dir.resolve("tandem.properties");
    Files.writeString(file, "# sandbox\nmqtt.port = 2883\nkafka.external=10.0.0.5:9092\n");

    assertThat(SettingsFile.read(file))
        .containsEntry("mqtt.port", "2883")
        .containsEntry("kafka.external", "10.0.0.5:9092")
        .hasSize(2);
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> SettingsFile.read(dir.resolve("nope.properties")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("--config: file not found:");
  }
}
