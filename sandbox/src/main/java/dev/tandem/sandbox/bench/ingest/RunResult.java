package dev.tandem.sandbox.bench.ingest;

/**
 * One measured run.
 *
 * @param messages messages sent
 * @param delivered distinct messages that arrived
 * @param duplicates arrivals of a message that had already arrived
 * @param seconds from the first send to the last arrival
 * @param p50Millis median latency, send to arrival (NaN where not measured)
 * @param p99Millis 99th percentile latency
 */
record RunResult(
    long messages,
    long delivered,
    long duplicates,
    double seconds,
    double p50Millis,
    double p99Millis) {

  double perSecond() {
    return delivered / seconds;
  }

  long lost() {
    return messages - delivered;
  }

  static RunResult of(DeliveryLog log, long startNanos) {
    double seconds = (log.lastArrivalNanos() - startNanos) / 1e9;
    return new RunResult(
        log.total(),
        log.arrivals(),
        log.duplicates(),
        seconds,
        log.percentileMillis(0.50),
        log.percentileMillis(0.99));
  }
}
