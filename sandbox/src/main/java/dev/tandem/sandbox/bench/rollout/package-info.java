/**
 * {@code ./tandem bench rollout}: a staged rollout to N simulated devices, each with its own MQTT
 * connection and update client, through the real broker, control plane, Kafka and object store.
 */
package dev.tandem.sandbox.bench.rollout;
