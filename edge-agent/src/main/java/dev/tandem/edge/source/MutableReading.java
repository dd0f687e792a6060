package dev.tandem.edge.source;

/** A reusable reading holder, so sources hand over readings without allocating. */
public final class MutableReading {
  public long timestampMillis;
  public double value;

  public void set(long timestampMillis, double value) {
    this.timestampMillis = timestampMillis;
    this.value = value;
  }
}
