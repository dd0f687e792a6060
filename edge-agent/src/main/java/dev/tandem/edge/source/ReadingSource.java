package dev.tandem.edge.source;

/** A stream of readings in event-time order (mostly: late readings happen and are handled). */
public interface ReadingSource extends AutoCloseable {
  /**
   * Writes the next reading into {@code into}, waiting for it if needed.
   *
   * @return false at the end of the stream
   */
  boolean next(MutableReading into) throws InterruptedException;

  /**
   * Whether readings should be paced to their event time (a simulated sensor in real time), as
   * opposed to handed over as soon as they exist.
   */
  default boolean paced() {
    return false;
  }

  /**
   * Makes a {@link #next} that is waiting for input return false soon; called from another thread
   * when the agent stops. Sources that never wait need not do anything.
   */
  default void wakeUp() {}

  @Override
  default void close() {}
}
