/**
 * Real servers for tests: a JUnit 5 extension and a Quarkus test resource over one JVM-wide stack
 * of Kafka, MQTT 5, S3 and PostgreSQL, embedded or external (see {@link
 * dev.tandem.testkit.TestServerSettings}).
 */
package dev.tandem.testkit;
