package dev.tandem.ingest.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the lake writer per dataset, safe to read from any thread. {@link #samples()} gives
 * them in Prometheus form (name, type, help, labels, value) for an endpoint such as the edge
 * agent's; {@link #prometheusText()} renders them directly.
 */
public final class LakeMetrics {
  /** The counters kept per dataset. */
  public enum Counter {
    RECORDS_READ("tandem_lake_records_read_total", "counter", "Kafka records consumed"),
    MESSAGES_WRITTEN(
        "tandem_lake_messages_written_total", "counter", "Messages written to the lake"),
    ROWS_WRITTEN("tandem_lake_rows_written_total", "counter", "Rows written to the lake"),
    DUPLICATES(
        "tandem_lake_duplicates_total",
        "counter",
        "Messages dropped as duplicates of a (device, sequence) already written"),
    BEYOND_WINDOW(
        "tandem_lake_beyond_window_total",
        "counter",
        "Messages dropped because their sequence is older than the dedup window"),
    UNDECODABLE(
        "tandem_lake_undecodable_total", "counter", "Records skipped because they do not decode"),
    FILES_WRITTEN("tandem_lake_files_written_total", "counter", "Parquet files stored"),
    BYTES_WRITTEN("tandem_lake_bytes_written_total", "counter", "Bytes of Parquet files stored"),
    COMMITS("tandem_lake_commits_total", "counter", "Partition checkpoints committed"),
    STORE_FAILURES(
        "tandem_lake_store_failures_total", "counter", "Flushes that failed and will be retried"),
    LAST_COMMIT_LAG_MS(
        "tandem_lake_last_commit_lag_ms",
        "gauge",
        "At the last commit: milliseconds from the Kafka timestamp of its last record to the"
            + " commit");

    private final String metricName;
    private final String type;
    private final String help;

    Counter(String metricName, String type, String help) {
      this.metricName = metricName;
      this.type = type;
      this.help = help;
    }

    /** The Prometheus metric name. */
    public String metricName() {
      return metricName;
    }
  }

  /**
   * One value for a Prometheus endpoint.
   *
   * @param name metric name
   * @param type {@code counter} or {@code gauge}
   * @param help one line
   * @param labels formatted label set, e.g. {@code dataset="events"}
   * @param value the value
   */
  public record Sample(String name, String type, String help, String labels, double value) {}

  private final Map<String, AtomicLong[]> byDataset = new ConcurrentHashMap<>();

  /** Adds {@code delta} to a counter of a dataset. */
  public void add(String dataset, Counter counter, long delta) {
    values(dataset)[counter.ordinal()].addAndGet(delta);
  }

  /** Sets a gauge of a dataset. */
  public void set(String dataset, Counter counter, long value) {
    values(dataset)[counter.ordinal()].set(value);
  }

  /** The current value of a counter of a dataset; 0 if never touched. */
  public long get(String dataset, Counter counter) {
    AtomicLong[] values = byDataset.get(dataset);
    return values == null ? 0 : values[counter.ordinal()].get();
  }

  /** Every counter of every dataset seen, grouped by counter. */
  public List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    List<String> datasets = new ArrayList<>(byDataset.keySet());
    datasets.sort(null);
    for (Counter counter : Counter.values()) {
      for (String dataset : datasets) {
        samples.add(
            new Sample(
                counter.metricName,
                counter.type,
                counter.help,
                "dataset=\"" + dataset + "\"",
                get(dataset, counter)));
      }
    }
    return samples;
  }

  /** The samples in Prometheus text exposition format 0.0.4. */
  public String prometheusText() {
    StringBuilder text = new StringBuilder();
    String described = "";
    for (Sample sample : samples()) {
      if (!sample.name().equals(described)) {
        text.append("# HELP ").append(sample.name()).append(' ').append(sample.help()).append('\n');
        text.append("# TYPE ").append(sample.name()).append(' ').append(sample.type()).append('\n');
        described = sample.name();
      }
      text.append(sample.name())
          .append('{')
          .append(sample.labels())
          .append("} ")
          .append(String.format(Locale.ROOT, "%d", (long) sample.value()))
          .append('\n');
    }
    return text.toString();
  }

  private AtomicLong[] values(String dataset) {
    return byDataset.computeIfAbsent(
        dataset,
        d -> {
          AtomicLong[] values = new AtomicLong[Counter.values().length];
          for (int i = 0; i < values.length; i++) {
            values[i] = new AtomicLong();
          }
          return values;
        });
  }
}
