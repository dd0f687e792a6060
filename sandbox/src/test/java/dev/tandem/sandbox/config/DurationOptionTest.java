package dev.tandem.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationOptionTest {

  @Test
  void readsTheFormsConfigFilesUse() {
    assertThat(DurationOption.parse("--warmup", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationOption.parse("--warmup", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationOption.parse("--timeout", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationOption.parse("--timeout", "PT2M")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void anythingElseIsRefusedNamingTheOption() {
    for (String bad : new String[] {"soon", "10", "0s", "-5s", ""}) {
      assertThatThrownBy(() -> DurationOption.parse("--window", bad))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("--window: '" + bad + "'");
    }
  }
}
