package dev.tandem.trainer.data;

import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.LakeSnapshots;
import dev.tandem.ingest.lake.SnapshotManifest;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Forecast examples from the lake's {@code telemetry} table: takes a snapshot of the time range (so
 * the job cites exactly the files it read), keeps the rows of the selected devices and stream,
 * orders each device's window summaries by window end, and builds windows of one summary statistic
 * (the mean by default).
 */
public final class LakeForecastSource {
  private final LakeReader reader;

  public LakeForecastSource(LakeReader reader) {
    this.reader = reader;
  }

  /**
   * What to read.
   *
   * @param field {@code mean}, {@code max}, {@code min}, {@code p50}, {@code p95}, {@code p99} or
   *     {@code stddev}
   */
  public record Query(
      TimeRange range, DeviceSelector devices, String stream, String field, int window) {}

  /** The examples and the snapshot they came from. */
  public record Loaded(Examples examples, DatasetLineage lineage, int series) {}

  /**
   * @throws TrainerException {@link TrainerError#BAD_DATA} when no or too few rows match, {@link
   *     TrainerError#LAKE_UNAVAILABLE} when the store cannot be read
   */
  public Loaded load(Query query) {
    ToDoubleFunction<TelemetryRow> field = field(query.field());
    SnapshotManifest snapshot;
    List<TelemetryRow> rows;
    byte[] manifestBytes;
    String manifestName = reader.prefix() + "_manifests/telemetry/%s.json";
    try {
      snapshot = new LakeSnapshots(reader).create(LakeDatasets.TELEMETRY, query.range());
      rows = reader.read(LakeDatasets.TELEMETRY, snapshot);
      manifestName = manifestName.formatted(snapshot.snapshotId());
      manifestBytes = reader.download(manifestName);
    } catch (RuntimeException e) {
      throw new TrainerException(
          TrainerError.LAKE_UNAVAILABLE, "cannot read the lake's telemetry: " + e.getMessage(), e);
    }
    Map<String, List<TelemetryRow>> byDevice = new TreeMap<>();
    for (TelemetryRow r : rows) {
      if (query.range().contains(r.eventTime())
          && r.streamId().equals(query.stream())
          && query.devices().matches(r.deviceId())) {
        byDevice.computeIfAbsent(r.deviceId(), d -> new ArrayList<>()).add(r);
      }
    }
    List<ForecastWindows.Series> series = new ArrayList<>();
    for (var e : byDevice.entrySet()) {
      List<TelemetryRow> list = e.getValue();
      list.sort(Comparator.comparing(TelemetryRow::windowEnd));
      double[] v = new double[list.size()];
      long[] t = new long[list.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = field.applyAsDouble(list.get(i));
        t[i] = list.get(i).windowEnd().toEpochMilli();
        if (!Double.isFinite(v[i])) {
          throw new TrainerException(
              TrainerError.BAD_DATA,
              "device " + e.getKey() + " has a non-finite " + query.field() + " at " + t[i]);
        }
      }
      series.add(new ForecastWindows.Series(e.getKey(), v, t));
    }
    Examples examples = ForecastWindows.build(series, query.window());
    if (examples.size() == 0) {
      throw new TrainerException(
          TrainerError.BAD_DATA,
          "no "
              + query.window()
              + "-window of stream '"
              + query.stream()
              + "' in "
              + rows.size()
              + " telemetry rows of "
              + query.range()
              + " for devices "
              + query.devices().patterns());
    }
    DatasetLineage lineage =
        new DatasetLineage(
            "s3://" + reader.bucket() + "/" + manifestName,
            LakeSnapshots.sha256(manifestBytes),
            snapshot.snapshotId(),
            snapshot.rows());
    return new Loaded(examples, lineage, series.size());
  }

  private static ToDoubleFunction<TelemetryRow> field(String name) {
    return switch (name) {
      case "mean" -> TelemetryRow::mean;
      case "min" -> TelemetryRow::min;
      case "max" -> TelemetryRow::max;
      case "p50" -> TelemetryRow::p50;
      case "p95" -> TelemetryRow::p95;
      case "p99" -> TelemetryRow::p99;
      case "stddev" -> TelemetryRow::stddev;
      default ->
          throw new TrainerException(
              TrainerError.BAD_CONFIG,
              "data.lake.field: unknown summary field '" + name + "' (mean, min, max, p50, ...)");
    };
  }
}
