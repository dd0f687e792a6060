package dev.tandem.ingest.lake.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and writes checkpoints and pending-flush records as JSON objects in the lake. */
public final class CheckpointStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Pattern CHECKPOINT_NAME = Pattern.compile("/partition-\\d{5}\\.json$");

  private final LakeStore store;
  private final LakeLayout layout;

  public CheckpointStore(LakeStore store, LakeLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  /** The partition's checkpoint, if one was ever written. */
  public Optional<Checkpoint> read(String dataset, int partition) {
    return store
        .get(layout.checkpoint(dataset, partition))
        .map(bytes -> parse(bytes, Checkpoint.class, layout.checkpoint(dataset, partition)));
  }

  /** Commits a flush. */
  public void write(Checkpoint checkpoint) {
    store.put(
        layout.checkpoint(checkpoint.dataset(), checkpoint.partition()),
        bytes(checkpoint),
        "application/json");
  }

  /** The uncommitted flush of a partition, if a writer left one. */
  public Optional<PendingFlush> readPending(String dataset, int partition) {
    return store
        .get(layout.pending(dataset, partition))
        .map(bytes -> parse(bytes, PendingFlush.class, layout.pending(dataset, partition)));
  }

  /** Records the files a flush is about to write. */
  public void writePending(PendingFlush pending) {
    store.put(
        layout.pending(pending.dataset(), pending.partition()), bytes(pending), "application/json");
  }

  /** Removes a partition's pending-flush record. */
  public void deletePending(String dataset, int partition) {
    store.delete(layout.pending(dataset, partition));
  }

  /**
   * The committed offset of every partition of a dataset that has a checkpoint: a data file of
   * partition p is committed when its last offset is below {@code nextOffset(p)}.
   */
  public Map<Integer, Long> committedOffsets(String dataset) {
    Map<Integer, Long> offsets = new HashMap<>();
    for (StoredObject object : store.list(layout.checkpointPrefix(dataset))) {
      // Only checkpoints: not pending records, nor a store's temporary upload names.
      if (!CHECKPOINT_NAME.matcher(object.name()).find()) {
        continue;
      }
      store
          .get(object.name())
          .map(bytes -> parse(bytes, Checkpoint.class, object.name()))
          .ifPresent(c -> offsets.put(c.partition(), c.nextOffset()));
    }
    return offsets;
  }

  private static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T parse(byte[] bytes, Class<T> type, String name) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new LakeStoreException(
          name + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
