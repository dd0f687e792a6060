/**
 * The writer's per-partition machinery: {@link dev.tandem.ingest.lake.write.PartitionWriter}
 * decodes, deduplicates and buffers the records of one Kafka partition, and flushes them as pending
 * record, data files, then checkpoint; on assignment it rolls back a flush that a previous owner
 * left uncommitted.
 */
package dev.tandem.ingest.lake.write;
