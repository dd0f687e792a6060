package dev.tandem.trainer.data;

/**
 * Where a job's data came from, as the registry's lineage records it.
 *
 * @param manifest the snapshot manifest's location ({@code s3://bucket/key}), or a description of
 *     generated data ({@code synthetic:...})
 * @param sha256 hex SHA-256 of the manifest's stored bytes (or of the generator's description)
 * @param snapshotId the lake snapshot id, or null for generated data
 * @param rows rows read
 */
public record DatasetLineage(String manifest, String sha256, String snapshotId, long rows) {}
