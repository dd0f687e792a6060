package dev.tandem.trainer.model;

import dev.tandem.edgemodel.Activation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The activations as TensorFlow ops, the same functions the edge model applies. */
final class Layers {
  private Layers() {}

  static Operand<TFloat32> activate(Ops tf, Operand<TFloat32> h, Activation activation) {
    return switch (activation) {
      case LINEAR -> h;
      case RELU -> tf.nn.relu(h);
      case TANH -> tf.math.tanh(h);
      case SIGMOID -> tf.math.sigmoid(h);
    };
  }
}
