package dev.tandem.edgemodel;

/** Argument checks that fail with an {@link EdgeModelException}. */
final class Checks {
  private Checks() {}

  static void finite(float v, String what) {
    if (!Float.isFinite(v)) {
      throw new EdgeModelException(EdgeModelError.NON_FINITE, what + " is " + v);
    }
  }

  static void allFinite(float[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new EdgeModelException(
            EdgeModelError.NON_FINITE, what + "[" + i + "] is " + values[i]);
      }
    }
  }
}
