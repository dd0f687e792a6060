package dev.tandem.registry.kafka;

import java.util.Objects;

/**
 * What a Kafka cluster says about itself.
 *
 * @param clusterId the cluster's id
 * @param brokers how many brokers it reports
 */
public record ClusterInfo(String clusterId, int brokers) {
  public ClusterInfo {
    Objects.requireNonNull(clusterId, "clusterId");
    if (brokers < 0) {
      throw new IllegalArgumentException("brokers must be >= 0, got " + brokers);
    }
  }
}
