/**
 * Validation of fleet messages arriving from MQTT: the verdict says which Kafka stream a message
 * belongs to, or why it is a dead letter. Pure logic, no I/O, so it can be fuzzed cheaply.
 */
package dev.tandem.ingest.validate;
