package dev.tandem.edge.source;

import dev.tandem.edge.config.SourceConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.Consumer;

/** Opens the source a stream's configuration names. */
public final class Sources {
  private Sources() {}

  /**
   * @param startMillis event time where simulated sensors start
   * @param baseDir resolves relative CSV paths
   */
  public static ReadingSource open(
      SourceConfig config,
      long startMillis,
      Path baseDir,
      InstantSource clock,
      Consumer<String> warnings) {
    // Java 17: no pattern matching for switch yet.
    if (config instanceof SourceConfig.Simulated s) {
      return new SimulatedSensor(
          s.profile(), s.rateHz(), s.seed(), s.faults(), startMillis, Long.MAX_VALUE, true);
    } else if (config instanceof SourceConfig.CsvReplay c) {
      return new CsvReplay(baseDir.resolve(c.file()), c.speed(), warnings);
    } else if (config instanceof SourceConfig.LanMqtt m) {
      return new LanMqttSource(m.url(), m.topic(), clock, warnings);
    }
    return new StdinSource(System.in, clock, warnings);
  }
}
