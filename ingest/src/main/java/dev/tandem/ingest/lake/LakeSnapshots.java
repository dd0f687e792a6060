package dev.tandem.ingest.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.parquet.ParquetTables;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.ingest.lake.store.LakeStoreException;
import dev.tandem.ingest.lake.store.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates and reads snapshot manifests. A snapshot downloads each committed file in range once to
 * hash it, so its sha256s are of the bytes actually stored, and its id is derived from them: the
 * same files give the same id, any change gives another.
 */
public final class LakeSnapshots {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final LakeReader reader;

  public LakeSnapshots(LakeReader reader) {
    this.reader = reader;
  }

  /**
   * Freezes the committed files of {@code dataset} in {@code range} (widened to whole hours) and
   * stores the manifest. Taking the same snapshot twice returns the stored one.
   */
  public SnapshotManifest create(LakeDataset<?> dataset, TimeRange range) {
    TimeRange hours = range.toWholeHours();
    List<SnapshotManifest.File> files = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (LakeFile file : reader.files(dataset, hours)) {
      byte[] content = reader.download(file.name());
      Map<String, String> footer = ParquetTables.footerMetadata(content);
      long fileRows = ParquetTables.rowCount(content);
      long fileMin = Long.parseLong(footer.getOrDefault("tandem.event-time.min-ms", "0"));
      long fileMax = Long.parseLong(footer.getOrDefault("tandem.event-time.max-ms", "0"));
      files.add(
          new SnapshotManifest.File(
              file.name(),
              fileRows,
              content.length,
              sha256(content),
              Instant.ofEpochMilli(fileMin).toString(),
              Instant.ofEpochMilli(fileMax).toString()));
      rows += fileRows;
      bytes += content.length;
      min = Math.min(min, fileMin);
      max = Math.max(max, fileMax);
    }
    String id = snapshotId(dataset.name(), hours, files);
    Optional<SnapshotManifest> existing = read(dataset, id);
    if (existing.isPresent()) {
      return existing.get();
    }
    SnapshotManifest manifest =
        new SnapshotManifest(
            1,
            id,
            dataset.name(),
            reader.bucket(),
            reader.prefix(),
            hours.from().toString(),
            hours.to().toString(),
            Instant.now().toString(),
            rows,
            bytes,
            files.isEmpty() ? null : Instant.ofEpochMilli(min).toString(),
            files.isEmpty() ? null : Instant.ofEpochMilli(max).toString(),
            files);
    try {
      reader
          .store()
          .put(
              reader.layout().manifest(dataset.name(), id),
              JSON.writeValueAsBytes(manifest),
              "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write manifest " + id, e);
    }
    return manifest;
  }

  /** The stored manifest of snapshot {@code snapshotId}, if there is one. */
  public Optional<SnapshotManifest> read(LakeDataset<?> dataset, String snapshotId) {
    String name = reader.layout().manifest(dataset.name(), snapshotId);
    return reader
        .store()
        .get(name)
        .map(
            bytes -> {
              try {
                return JSON.readValue(bytes, SnapshotManifest.class);
              } catch (IOException e) {
                throw new LakeStoreException(name + " is not a snapshot manifest", e);
              }
            });
  }

  /** The ids of the stored snapshots of {@code dataset}. */
  public List<String> list(LakeDataset<?> dataset) {
    List<String> ids = new ArrayList<>();
    String prefix = reader.layout().manifestPrefix(dataset.name());
    for (StoredObject object : reader.store().list(prefix)) {
      if (object.name().endsWith(".json")) {
        ids.add(object.name().substring(prefix.length(), object.name().length() - 5));
      }
    }
    return ids;
  }

  /** Hex sha256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static String snapshotId(
      String dataset, TimeRange range, List<SnapshotManifest.File> files) {
    MessageDigest digest = digest();
    StringBuilder canonical = new StringBuilder();
    canonical.append(dataset).append('\n').append(range.from()).append('\n').append(range.to());
    for (SnapshotManifest.File f : files) {
      canonical
          .append('\n')
          .append(f.path())
          .append(' ')
          .append(f.sha256())
          .append(' ')
          .append(f.bytes())
          .append(' ')
          .append(f.rows());
    }
    byte[] hash = digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, 32);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
