package dev.tandem.edge.config;

import java.nio.file.Path;
import java.util.List;

/** Where a stream's readings come from. */
public sealed interface SourceConfig {

  /**
   * A seeded simulated sensor.
   *
   * @param profile temperature, vibration or power
   * @param rateHz readings per second of event time
   * @param seed makes the stream reproducible
   * @param faults labeled events to inject
   */
  record Simulated(SimulatedProfile profile, double rateHz, long seed, List<InjectedFault> faults)
      implements SourceConfig {
    public Simulated {
      if (!(rateHz > 0 && rateHz <= 100_000)) {
        throw new IllegalArgumentException("rate must be in (0, 100000] Hz, got " + rateHz);
      }
      faults = List.copyOf(faults);
    }
  }

  /**
   * Replays a {@code timestamp,value} CSV (NAB's layout) once.
   *
   * @param speed 1 for real time, 60 for a minute per second, 0 for as fast as possible
   */
  record CsvReplay(Path file, double speed) implements SourceConfig {
    public CsvReplay {
      if (!(speed >= 0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException(
            "speed must be >= 0 (0 means as fast as possible), got " + speed);
      }
    }
  }

  /** Readings published by local devices on an MQTT topic of the LAN-side broker. */
  record LanMqtt(String url, String topic) implements SourceConfig {}

  /** Lines {@code value} or {@code timestamp,value} on standard input. */
  record Stdin() implements SourceConfig {}

  /** The simulated sensor kinds. */
  enum SimulatedProfile {
    TEMPERATURE,
    VIBRATION,
    POWER
  }

  /**
   * A labeled event injected into a simulated stream.
   *
   * @param kind for example {@code spike}, {@code bearing-fault}, {@code overheat}
   * @param atSeconds event-time offset from the stream's start
   * @param durationSeconds how long it lasts
   * @param magnitude how strong, in the profile's units
   */
  record InjectedFault(String kind, double atSeconds, double durationSeconds, double magnitude) {}
}
