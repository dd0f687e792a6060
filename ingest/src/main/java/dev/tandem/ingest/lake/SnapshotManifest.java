package dev.tandem.ingest.lake;

import java.util.List;
import java.util.Objects;

/**
 * A frozen list of the files of one dataset over an event-time range: what a training run cites as
 * its data lineage. Stored as JSON at {@code {prefix}_manifests/{dataset}/{snapshotId}.json}. Times
 * are ISO-8601 UTC strings so that any tool reads the JSON without Tandem's code.
 *
 * @param formatVersion 1
 * @param snapshotId content hash: the first 32 hex digits of a sha256 over dataset, range and each
 *     file's path, sha256, size and row count
 * @param dataset table name
 * @param bucket the bucket the files are in
 * @param prefix the lake prefix
 * @param from range start (inclusive), whole hours
 * @param to range end (exclusive), whole hours
 * @param createdAt when the manifest was made (not part of the id)
 * @param rows total rows
 * @param bytes total bytes
 * @param minEventTime earliest event time in the files, or null when there are none
 * @param maxEventTime latest event time in the files, or null when there are none
 * @param files the files, by path
 */
public record SnapshotManifest(
    int formatVersion,
    String snapshotId,
    String dataset,
    String bucket,
    String prefix,
    String from,
    String to,
    String createdAt,
    long rows,
    long bytes,
    String minEventTime,
    String maxEventTime,
    List<File> files) {
  public SnapshotManifest {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(dataset, "dataset");
    files = List.copyOf(files);
  }

  /**
   * One file of a snapshot.
   *
   * @param path object name in the bucket
   * @param rows rows in the file
   * @param bytes file size
   * @param sha256 hex sha256 of the file's bytes
   * @param minEventTime earliest event time in it
   * @param maxEventTime latest event time in it
   */
  public record File(
      String path,
      long rows,
      long bytes,
      String sha256,
      String minEventTime,
      String maxEventTime) {}
}
