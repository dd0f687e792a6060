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

  @Override
  default void close() {}
}
