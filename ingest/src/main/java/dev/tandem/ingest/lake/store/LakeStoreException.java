package dev.tandem.ingest.lake.store;

/** The object store refused or failed a request; retrying later may succeed. */
public class LakeStoreException extends RuntimeException {
  public LakeStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public LakeStoreException(String message) {
    super(message);
  }
}
