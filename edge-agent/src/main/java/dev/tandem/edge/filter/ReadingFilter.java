package dev.tandem.edge.filter;

/** Transforms each reading of one stream; stateful, causal, no allocation per reading. */
public interface ReadingFilter {
  /** Returns the filtered value of the next reading (finite in, finite out). */
  double apply(double value);

  /** Forgets all state. */
  void reset();
}
