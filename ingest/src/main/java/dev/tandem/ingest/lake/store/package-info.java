/**
 * The lake in the object store: where each object lives ({@link
 * dev.tandem.ingest.lake.store.LakeLayout}), the MinIO SDK calls ({@link
 * dev.tandem.ingest.lake.store.LakeStore}), and the per-partition checkpoint that commits a flush
 * ({@link dev.tandem.ingest.lake.store.Checkpoint}).
 */
package dev.tandem.ingest.lake.store;
