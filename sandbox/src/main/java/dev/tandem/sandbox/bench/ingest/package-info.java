/**
 * {@code ./tandem bench ingest}: the bridge's throughput and latency against, in the same run, the
 * raw broker (publish to subscribe at QoS 1) and the raw Kafka producer.
 */
package dev.tandem.sandbox.bench.ingest;
