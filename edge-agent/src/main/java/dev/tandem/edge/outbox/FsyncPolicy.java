package dev.tandem.edge.outbox;

/**
 * When the outbox forces its writes to the storage device. This matters only for power loss or a
 * kernel crash: a record whose {@code append} returned sits in the OS page cache and survives the
 * death of the process (including {@code kill -9}) under every policy.
 */
public enum FsyncPolicy {
  /**
   * Force every record before {@code append} returns. Nothing appended is lost on power loss; the
   * slowest policy (one device flush per message).
   */
  ALWAYS,
  /**
   * Force at most once per {@code fsyncInterval}, and hand out to the uplink only records that have
   * been forced. Power loss may lose the last interval of appends, but never a record that was
   * already sent, so its sequence number cannot be seen twice with different content.
   */
  INTERVAL,
  /**
   * Never force; the kernel writes back on its own (typically within 30 s). No promise on power
   * loss: records may be lost and sequence numbers of sent records may be assigned again.
   */
  NEVER
}
