package dev.tandem.ingest.lake.store;

import java.util.List;

/**
 * The data files a flush is about to write, recorded before the first of them so that a writer that
 * dies before the checkpoint can be rolled back: the next owner of the partition deletes them and
 * reads the records again from Kafka.
 *
 * @param dataset table name
 * @param partition Kafka partition
 * @param firstOffset first offset of the flush
 * @param lastOffset last offset of the flush (inclusive)
 * @param files object names
 */
public record PendingFlush(
    String dataset, int partition, long firstOffset, long lastOffset, List<String> files) {
  public PendingFlush {
    files = List.copyOf(files);
  }
}
