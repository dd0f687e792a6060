/**
 * Real servers the platform needs (Kafka, an MQTT 5 broker, an S3 store, PostgreSQL), started
 * in-process on 127.0.0.1 for the one-machine sandbox and the tests, plus the endpoints that also
 * describe external servers.
 */
package dev.tandem.servers;
