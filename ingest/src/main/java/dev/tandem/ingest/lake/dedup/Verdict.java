package dev.tandem.ingest.lake.dedup;

/** What deduplication decided about one (device, sequence). */
public enum Verdict {
  /** Not seen before: write it. */
  NEW,
  /** Seen before, inside the window: drop it. */
  DUPLICATE,
  /**
   * Older than the window's reach, so it cannot be told apart from a duplicate: dropped as one.
   * Device messages of one stream arrive in order; a sequence this far back is a late redelivery.
   */
  BEYOND_WINDOW
}
