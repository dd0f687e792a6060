/**
 * Training jobs: their YAML configuration, the run from data to registered version, and the Kafka
 * worker that takes jobs from a topic as one consumer group.
 */
package dev.tandem.trainer.job;
