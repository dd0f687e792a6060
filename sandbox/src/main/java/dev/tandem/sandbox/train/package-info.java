/**
 * {@code ./tandem train}: one training job from a YAML file, or a worker taking jobs from Kafka.
 */
package dev.tandem.sandbox.train;
