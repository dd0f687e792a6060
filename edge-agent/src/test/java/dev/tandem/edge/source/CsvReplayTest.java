package dev.tandem.edge.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayTest {
  @TempDir Path dir;

  @Test
  void readsNabRowsAndSkipsBrokenLinesWithFileAndLineNumber() throws Exception {
    Path csv = dir.resolve("s.csv");
    Files.writeString(
        csv,
        """
        timestamp,value
        2014-04-01 00:00:00,20.5
        2014-04-01 00:05:00,oops
        2014-04-01 00:10:00
        not-a-time,3
        2014-04-01 00:15:00,NaN
        2014-04-01 00:20:00,21.0,extra

        1396311600000,22.0
        """);
    List<String> warnings = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Long> times = new ArrayList<>();

    try (var replay = new CsvReplay(csv, 0, warnings::add)) {
      var reading = new MutableReading();
      while (replay.next(reading)) {
        values.add(reading.value);
        times.add(reading.timestampMillis);
      }
      assertThat(replay.skippedLines()).isEqualTo(4);
    }

    assertThat(values).hasSize(3);
    assertThat(values.get(0)).isEqualTo(20.5);
    assertThat(values.get(1)).isNaN(); // parsed; the pipeline refuses and counts it
    assertThat(values.get(2)).isEqualTo(22.0);
    assertThat(times.get(0)).isEqualTo(1396310400000L);
    assertThat(warnings)
        .containsExactly(
            csv + ":3: bad value 'oops'; line skipped",
            csv + ":4: expected 2 fields 'timestamp,value'; line skipped",
            csv + ":5: bad timestamp 'not-a-time'; line skipped",
            csv + ":7: expected 2 fields 'timestamp,value'; line skipped");
  }

  @Test
  void acceleratedReplayPacesByEventTime() throws Exception {
    Path csv = dir.resolve("paced.csv");
    Files.writeString(csv, "timestamp,value\n0,1\n1000,2\n2000,3\n");
    long start = System.nanoTime();
    try (var replay = new CsvReplay(csv, 10, w -> {})) { // 10x: 2 s of data in about 200 ms
      var reading = new MutableReading();
      while (replay.next(reading)) {}
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(elapsedMillis).isBetween(180L, 2_000L);
  }
}
