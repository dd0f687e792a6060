/**
 * Deduplication by (device id, sequence) with bounded memory: per device a high-water mark and a
 * bitmap of the most recent sequences below it ({@link
 * dev.tandem.ingest.lake.dedup.SequenceWindow}), per Kafka partition at most a fixed number of
 * devices ({@link dev.tandem.ingest.lake.dedup.PartitionDedup}).
 */
package dev.tandem.ingest.lake.dedup;
