/** A single-node Kafka broker in KRaft mode, started from Kafka's own jars. */
package dev.tandem.servers.kafka;
