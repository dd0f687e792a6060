/** The control plane's connection to Kafka, configured from {@code kafka.*}. */
package dev.tandem.registry.kafka;
