package dev.tandem.ingest.lake.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object names of the lake under a prefix. Data files use Hive-style partitions so that DuckDB,
 * Spark and pandas discover {@code date} and {@code hour} as columns:
 *
 * <pre>
 * {prefix}{dataset}/date=YYYY-MM-DD/hour=HH/part-{partition:5}-{firstOffset:19}-{lastOffset:19}.parquet
 * {prefix}_checkpoints/{dataset}/partition-{partition:5}.json          committed offset + dedup state
 * {prefix}_checkpoints/{dataset}/partition-{partition:5}.pending.json  files of a flush in progress
 * {prefix}_manifests/{dataset}/{snapshotId}.json                       snapshot manifests
 * </pre>
 *
 * Names depend only on (dataset, event hour, partition, offsets): writing the same flush twice
 * writes the same objects.
 */
public final class LakeLayout {
  private static final Pattern DATA_FILE =
      Pattern.compile(
          "([a-z][a-z0-9_]*)/date=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})/"
              + "part-(\\d{5})-(\\d{19})-(\\d{19})\\.parquet");

  private final String prefix;

  /**
   * @param prefix object name prefix, empty or ending in {@code /}
   */
  public LakeLayout(String prefix) {
    if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
      throw new IllegalArgumentException(
          "lake prefix must be empty or end with '/' and not start with one, got '" + prefix + "'");
    }
    this.prefix = prefix;
  }

  /** The prefix every lake object starts with. */
  public String prefix() {
    return prefix;
  }

  /** Where a dataset's data files live. */
  public String datasetPrefix(String dataset) {
    return prefix + dataset + "/";
  }

  /** The folder of one event-time hour of a dataset. */
  public String hourPrefix(String dataset, Instant hour) {
    ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
    return String.format("%s%s/date=%s/hour=%02d/", prefix, dataset, t.toLocalDate(), t.getHour());
  }

  /** The data file of one flush for one event-time hour. */
  public String dataFile(String dataset, Instant hour, int partition, long first, long last) {
    return String.format(
        "%spart-%05d-%019d-%019d.parquet", hourPrefix(dataset, hour), partition, first, last);
  }

  /** Start of the UTC hour holding {@code epochMillis}. */
  public static Instant hourOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.HOURS);
  }

  /** The data file a stored object is, if it is one. */
  public Optional<LakeFile> parse(StoredObject object) {
    if (!object.name().startsWith(prefix)) {
      return Optional.empty();
    }
    Matcher m = DATA_FILE.matcher(object.name().substring(prefix.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new LakeFile(
            object.name(),
            m.group(1),
            LocalDate.parse(m.group(2)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Long.parseLong(m.group(5)),
            Long.parseLong(m.group(6)),
            object.size()));
  }

  /** Where the checkpoints of a dataset live. */
  public String checkpointPrefix(String dataset) {
    return prefix + "_checkpoints/" + dataset + "/";
  }

  /** The checkpoint of one partition of a dataset. */
  public String checkpoint(String dataset, int partition) {
    return String.format("%spartition-%05d.json", checkpointPrefix(dataset), partition);
  }

  /** The record of a flush of one partition that has not been committed yet. */
  public String pending(String dataset, int partition) {
    return String.format("%spartition-%05d.pending.json", checkpointPrefix(dataset), partition);
  }

  /** Where the snapshot manifests of a dataset live. */
  public String manifestPrefix(String dataset) {
    return prefix + "_manifests/" + dataset + "/";
  }

  /** The manifest of one snapshot. */
  public String manifest(String dataset, String snapshotId) {
    return manifestPrefix(dataset) + snapshotId + ".json";
  }
}
