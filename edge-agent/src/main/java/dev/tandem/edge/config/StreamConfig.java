package dev.tandem.edge.config;

import dev.tandem.edge.filter.ReadingFilter;
import dev.tandem.edge.stream.DetectorBinding;
import dev.tandem.edge.stream.ValueRange;
import dev.tandem.edge.window.WindowSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One sensor stream: where its readings come from and what the pipeline does with them. Filters and
 * detectors are factories, so every agent (and every restart) gets fresh state.
 *
 * @param contextReadings readings before each event that it carries (the raising one included)
 * @param contextAfter readings after each event that it waits for and carries
 * @param sampleEvery keep every n-th reading as a raw training sample, 0 for none
 * @param sampleBatch raw samples per uplink message
 */
public record StreamConfig(
    String id,
    SourceConfig source,
    ValueRange range,
    List<Supplier<ReadingFilter>> filters,
    List<Supplier<DetectorBinding>> detectors,
    WindowSpec window,
    int contextReadings,
    int contextAfter,
    int sampleEvery,
    int sampleBatch) {

  public StreamConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(window, "window");
    filters = List.copyOf(filters);
    detectors = List.copyOf(detectors);
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "stream id must be 1-64 of [A-Za-z0-9._-] starting with a letter or digit, got '"
              + id
              + "'");
    }
  }
}
