package dev.tandem.ingest.lake;

import java.util.List;

/**
 * Hears about each flush of a partition, on the writer's thread. For progress reports; tests also
 * use {@link #afterUpload} to stop a writer between storing files and committing them.
 */
public interface FlushListener {
  /** A listener that does nothing. */
  FlushListener NONE = new FlushListener() {};

  /**
   * The data files of a flush are stored; the checkpoint is not written yet.
   *
   * @param dataset table name
   * @param partition Kafka partition
   * @param files object names stored
   */
  default void afterUpload(String dataset, int partition, List<String> files) {}

  /**
   * The flush is committed.
   *
   * @param nextOffset the partition's new committed offset
   */
  default void afterCommit(String dataset, int partition, long nextOffset) {}
}
