/**
 * The cloud-side stream contract: which Kafka topic carries each kind of fleet message, and the
 * record headers the ingest bridge sets. Plain constants, no Kafka dependency, so the bridge, the
 * lake writer, the control plane and the trainer all read the same names.
 */
package dev.tandem.protocol.stream;
