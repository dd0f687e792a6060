package dev.tandem.edgemodel;

/** What is applied to the last layer's output before de-normalisation, with its id in the file. */
public enum OutputKind {
  /** The last layer's output as it is (a regression, a forecast, logits). */
  RAW(0),
  /** A numerically stable softmax over the last layer's output (class probabilities). */
  SOFTMAX(1);

  private final int id;

  OutputKind(int id) {
    this.id = id;
  }

  /** The byte that stands for this kind in the file. */
  public int id() {
    return id;
  }

  /** The kind with this file id. */
  public static OutputKind ofId(int id) {
    for (OutputKind k : values()) {
      if (k.id == id) {
        return k;
      }
    }
    throw new EdgeModelException(EdgeModelError.INVALID_VALUE, "unknown output kind id " + id);
  }
}
