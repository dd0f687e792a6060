package dev.tandem.edgemodel;

/** A dense layer's element-wise activation, with its id in the file. */
public enum Activation {
  LINEAR(0),
  RELU(1),
  TANH(2),
  SIGMOID(3);

  private final int id;

  Activation(int id) {
    this.id = id;
  }

  /** The byte that stands for this activation in the file. */
  public int id() {
    return id;
  }

  /** The activation with this file id. */
  public static Activation ofId(int id) {
    for (Activation a : values()) {
      if (a.id == id) {
        return a;
      }
    }
    throw new EdgeModelException(EdgeModelError.INVALID_VALUE, "unknown activation id " + id);
  }

  float apply(float x) {
    return switch (this) {
      case LINEAR -> x;
      case RELU -> x > 0f ? x : 0f;
      case TANH -> (float) Math.tanh(x);
      case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-x)));
    };
  }
}
