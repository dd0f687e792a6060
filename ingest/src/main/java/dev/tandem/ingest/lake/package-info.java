/**
 * The Kafka to data lake writer: {@link dev.tandem.ingest.lake.LakeWriter} consumes the fleet
 * streams and writes deduplicated, hour-partitioned Parquet files to the object store, committing
 * per partition only after the files are stored; {@link dev.tandem.ingest.lake.LakeReader} lists
 * and reads them back; {@link dev.tandem.ingest.lake.LakeSnapshots} freezes a dataset range into a
 * content-addressed manifest for lineage. See docs/lake.md.
 */
package dev.tandem.ingest.lake;
