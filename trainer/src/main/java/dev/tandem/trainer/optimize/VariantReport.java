package dev.tandem.trainer.optimize;

import java.util.Locale;

/**
 * One variant measured on the job's test set.
 *
 * @param format {@code savedmodel} (a zipped SavedModel) or {@code tandem-edge} (a {@code .tedg}
 *     file)
 * @param sizeBytes the artifact's length
 * @param compressedBytes the artifact gzipped (what pruning saves shows here)
 * @param parameterCount weights plus biases
 * @param nonZeroParameters those not pruned away
 * @param metric accuracy in percent or RMSE, see {@link Quality}
 * @param qualityLoss how much worse than the teacher (points or percent)
 * @param latencyMicros median latency of one single-sample call in the variant's runtime
 * @param runtime {@code tensorflow} or {@code edge-java}
 * @param registered whether the loss is within the job's tolerance
 */
public record VariantReport(
    String name,
    String format,
    long sizeBytes,
    long compressedBytes,
    long parameterCount,
    long nonZeroParameters,
    String metricName,
    double metric,
    double qualityLoss,
    double latencyMicros,
    String runtime,
    boolean registered) {

  /** A table row: name, size, params, metric, loss, latency. */
  public String row() {
    return String.format(
        Locale.ROOT,
        "%-20s %-12s %10d %10d %9d %8s %8.3f %+8.3f %9.2f %s",
        name,
        format,
        sizeBytes,
        compressedBytes,
        nonZeroParameters,
        metricName,
        metric,
        -qualityLoss,
        latencyMicros,
        registered ? "registered" : "over tolerance");
  }

  public static String header() {
    return String.format(
        Locale.ROOT,
        "%-20s %-12s %10s %10s %9s %8s %8s %8s %9s %s",
        "variant",
        "format",
        "bytes",
        "gzip",
        "params",
        "metric",
        "value",
        "delta",
        "us/sample",
        "");
  }
}
