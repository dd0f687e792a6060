/**
 * {@code ./tandem ingest}: the MQTT to Kafka bridge and the lake writer as a process of its own.
 */
package dev.tandem.sandbox.ingest;
