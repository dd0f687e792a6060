package dev.tandem.ingest.bridge;

import dev.tandem.ingest.validate.Verdict;

/**
 * Told about every message once Kafka acknowledged it, on the producer's thread: keep it quick.
 * Used by audits and the benchmark to measure publish-to-ack latency.
 */
public interface BridgeListener {
  BridgeListener NONE = new BridgeListener() {};

  /** A valid message is in its fleet topic. */
  default void forwarded(Verdict.Accepted verdict, String mqttTopic) {}

  /** An invalid message is in the dead-letter topic. */
  default void deadLettered(Verdict.Rejected verdict, String mqttTopic) {}
}
