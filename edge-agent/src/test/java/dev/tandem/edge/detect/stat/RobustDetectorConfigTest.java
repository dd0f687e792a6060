package dev.tandem.edge.detect.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RobustDetectorConfigTest {
  private static final RobustDetectorConfig D = RobustDetectorConfig.defaults();

  @Test
  void defaultsAreValid() {
    assertThat(D.raiseScore()).isGreaterThan(D.clearScore());
  }

  @Test
  void baselineReadings_tooSmall() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 4, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 0.5, 0.3, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineReadings must be in [8, 1048576], got 4");
  }

  @Test
  void patternHistory_shorterThanTwoPatterns() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1000, 5, 32, 8, 15, 10, 8640, 4096, 0.05, 0.5, 0.3, 10))
        .hasMessageStartingWith("patternHistory must be in [16,");
  }

  @Test
  void warmupReadings_zero() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    0, 1000, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 0.5, 0.3, 10))
        .hasMessageStartingWith("warmupReadings");
  }

  @Test
  void rangeTolerance_negativeOrNaN() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1000, 5, 32, 8, 2000, 10, 8640, 4096, -1, 0.5, 0.3, 10))
        .hasMessageStartingWith("rangeTolerance");
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1000, 5, 32, 8, 2000, 10, 8640, 4096, Double.NaN, 0.5, 0.3, 10))
        .hasMessageStartingWith("rangeTolerance");
  }

  @Test
  void clearScore_notBelowRaiseScore() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1000, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 0.5, 0.5, 10))
        .hasMessage("clearScore must be in [0, raiseScore=0.5), got 0.5");
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1000, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 1.5, 0.3, 10))
        .hasMessageStartingWith("raiseScore");
  }

  @Test
  void windows_tooLarge() {
    assertThatThrownBy(
            () ->
                new RobustDetectorConfig(
                    150, 1 << 21, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 0.5, 0.3, 10))
        .hasMessageStartingWith("baselineReadings must be in [8, 1048576]");
  }
}
