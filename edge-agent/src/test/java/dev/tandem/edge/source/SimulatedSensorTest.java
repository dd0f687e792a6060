package dev.tandem.edge.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.edge.config.SourceConfig.InjectedFault;
import dev.tandem.edge.config.SourceConfig.SimulatedProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSensorTest {

  private static double[] values(SimulatedSensor sensor, int n) {
    double[] values = new double[n];
    var reading = new MutableReading();
    for (int i = 0; i < n; i++) {
      assertThat(sensor.next(reading)).isTrue();
      values[i] = reading.value;
    }
    return values;
  }

  @Test
  void sameSeedSameStream() {
    var a = new SimulatedSensor(SimulatedProfile.VIBRATION, 100, 42, List.of(), 0, 1000, false);
    var b = new SimulatedSensor(SimulatedProfile.VIBRATION, 100, 42, List.of(), 0, 1000, false);
    assertThat(values(a, 1000)).isEqualTo(values(b, 1000));
  }

  @Test
  void temperatureIsPlausibleAndOverheatRaisesIt() {
    var sensor =
        new SimulatedSensor(
            SimulatedProfile.TEMPERATURE,
            1,
            1,
            List.of(new InjectedFault("overheat", 100, 100, 30)),
            0,
            300,
            false);
    double[] v = values(sensor, 300);

    assertThat(v[50]).isBetween(40.0, 50.0);
    assertThat(v[190]).isGreaterThan(70);
    assertThat(v[250]).isBetween(40.0, 50.0);
    assertThat(sensor.inFault(150)).isTrue();
    assertThat(sensor.inFault(250)).isFalse();
  }

  @Test
  void bearingFaultRaisesVibrationEnergy() {
    var sensor =
        new SimulatedSensor(
            SimulatedProfile.VIBRATION,
            10_000,
            3,
            List.of(new InjectedFault("bearing-fault", 1, 1, 5)),
            0,
            30_000,
            false);
    double[] v = values(sensor, 30_000);
    assertThat(rms(v, 0, 10_000)).isLessThan(1.0);
    assertThat(rms(v, 10_000, 20_000)).isGreaterThan(1.5 * rms(v, 0, 10_000));
  }

  @Test
  void readingsAreSpacedByTheRate() {
    var sensor = new SimulatedSensor(SimulatedProfile.POWER, 100, 1, List.of(), 5_000, 3, false);
    var reading = new MutableReading();
    sensor.next(reading);
    assertThat(reading.timestampMillis).isEqualTo(5_000);
    sensor.next(reading);
    assertThat(reading.timestampMillis).isEqualTo(5_010);
  }

  @Test
  void unknownFaultKindIsRefused() {
    var sensor =
        new SimulatedSensor(
            SimulatedProfile.POWER,
            1,
            1,
            List.of(new InjectedFault("meltdown", 0, 1, 1)),
            0,
            1,
            false);
    assertThatThrownBy(() -> sensor.next(new MutableReading())).hasMessageContaining("meltdown");
  }

  private static double rms(double[] v, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += v[i] * v[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
