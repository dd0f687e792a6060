/**
 * The MQTT to Kafka bridge: a shared MQTT 5 subscription to the fleet topics, validation, and
 * forwarding to Kafka with end-to-end at-least-once delivery (the MQTT message is acknowledged only
 * after Kafka acknowledged it).
 */
package dev.tandem.ingest.bridge;
