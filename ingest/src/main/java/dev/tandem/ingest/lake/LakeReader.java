package dev.tandem.ingest.lake;

import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.parquet.ParquetTables;
import dev.tandem.ingest.lake.store.CheckpointStore;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.ingest.lake.store.LakeLayout;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.LakeStoreException;
import dev.tandem.ingest.lake.store.StoredObject;
import io.minio.MinioClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lists and reads the lake's committed files. A data file is committed once the checkpoint of its
 * Kafka partition has passed its last offset; files of a flush that was stored but never committed
 * (the writer died in between) are invisible here until the next owner deletes them.
 */
public final class LakeReader {
  private static final long MAX_DAYS_LISTED_ONE_BY_ONE = 62;

  private final LakeStore store;
  private final LakeLayout layout;
  private final CheckpointStore checkpoints;

  public LakeReader(MinioClient s3, String bucket, String prefix) {
    this.store = new LakeStore(s3, bucket);
    this.layout = new LakeLayout(prefix);
    this.checkpoints = new CheckpointStore(store, layout);
  }

  /** A reader of the lake {@code config} writes. */
  public static LakeReader of(LakeConfig config, MinioClient s3) {
    return new LakeReader(s3, config.bucket(), config.prefix());
  }

  /** The bucket read. */
  public String bucket() {
    return store.bucket();
  }

  /** The object prefix read. */
  public String prefix() {
    return layout.prefix();
  }

  /** The committed files of {@code dataset} whose event hour overlaps {@code range}, by name. */
  public List<LakeFile> files(LakeDataset<?> dataset, TimeRange range) {
    Map<Integer, Long> committed = checkpoints.committedOffsets(dataset.name());
    List<LakeFile> files = new ArrayList<>();
    for (StoredObject object : list(dataset, range)) {
      layout
          .parse(object)
          .filter(f -> f.dataset().equals(dataset.name()))
          .filter(f -> range.overlapsHour(f.hourStart()))
          .filter(f -> f.lastOffset() < committed.getOrDefault(f.partition(), 0L))
          .ifPresent(files::add);
    }
    return files;
  }

  /** The Hive partitions ({@code date=YYYY-MM-DD/hour=HH}) holding committed files in range. */
  public List<String> partitions(LakeDataset<?> dataset, TimeRange range) {
    TreeSet<String> partitions = new TreeSet<>();
    for (LakeFile file : files(dataset, range)) {
      partitions.add(String.format("date=%s/hour=%02d", file.date(), file.hour()));
    }
    return List.copyOf(partitions);
  }

  /** The rows of {@code dataset} with event time in {@code range}, file by file. */
  public <R> List<R> read(LakeDataset<R> dataset, TimeRange range) {
    List<R> rows = new ArrayList<>();
    for (LakeFile file : files(dataset, range)) {
      for (Object[] row : ParquetTables.read(dataset.schema(), store.require(file.name()))) {
        if (range.contains(Instant.ofEpochMilli((Long) row[LakeDataset.EVENT_TIME]))) {
          rows.add(dataset.record(row));
        }
      }
    }
    return rows;
  }

  /**
   * The rows of a snapshot, exactly as they were when it was taken.
   *
   * @throws LakeStoreException if a file is gone or its bytes no longer match the manifest's sha256
   * @throws IllegalArgumentException if the manifest is of another dataset
   */
  public <R> List<R> read(LakeDataset<R> dataset, SnapshotManifest manifest) {
    if (!manifest.dataset().equals(dataset.name())) {
      throw new IllegalArgumentException(
          "snapshot "
              + manifest.snapshotId()
              + " is of "
              + manifest.dataset()
              + ", not "
              + dataset);
    }
    List<R> rows = new ArrayList<>();
    for (SnapshotManifest.File file : manifest.files()) {
      byte[] bytes = store.require(file.path());
      String sha256 = LakeSnapshots.sha256(bytes);
      if (!sha256.equals(file.sha256()) || bytes.length != file.bytes()) {
        throw new LakeStoreException(
            file.path()
                + " changed since snapshot "
                + manifest.snapshotId()
                + ": sha256 "
                + sha256
                + ", manifest says "
                + file.sha256());
      }
      for (Object[] row : ParquetTables.read(dataset.schema(), bytes)) {
        rows.add(dataset.record(row));
      }
    }
    return rows;
  }

  /** The raw bytes of a lake object, e.g. a data file to hand to another Parquet reader. */
  public byte[] download(String objectName) {
    return store.require(objectName);
  }

  LakeStore store() {
    return store;
  }

  LakeLayout layout() {
    return layout;
  }

  private List<StoredObject> list(LakeDataset<?> dataset, TimeRange range) {
    LocalDate first = range.from().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = range.to().minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
    if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS_LISTED_ONE_BY_ONE) {
      return store.list(layout.datasetPrefix(dataset.name()));
    }
    List<StoredObject> objects = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      objects.addAll(store.list(layout.datasetPrefix(dataset.name()) + "date=" + day + "/"));
    }
    return objects;
  }
}
