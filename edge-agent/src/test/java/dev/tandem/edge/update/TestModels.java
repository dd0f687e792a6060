package dev.tandem.edge.update;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelWriter;

/** Edge model files (the real format) that behave in chosen ways. */
final class TestModels {
  static final int INPUTS = 4;

  private TestModels() {}

  /**
   * A healthy model: 4 inputs, 2 outputs, answers {@code bias} plus a small function of the input.
   */
  static byte[] good(String version, float bias) {
    return file(version, INPUTS, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, bias, 1f);
  }

  /** Loads, but answers infinity even on zeros: refused by the health check. */
  static byte[] infiniteOutputs(String version) {
    return file(version, INPUTS, new float[INPUTS], 3e38f, 10f);
  }

  /** Healthy on small inputs, infinite on large ones: passes the health check, fails probation. */
  static byte[] overflowsOnLargeInputs(String version) {
    return file(version, INPUTS, new float[] {1e30f, 1e30f, 1e30f, 1e30f}, 0f, 1f);
  }

  /** Expects another input size than the agent's callers give: throws at run time. */
  static byte[] otherInputSize(String version) {
    return file(version, INPUTS + 3, new float[INPUTS + 3], 0.5f, 1f);
  }

  private static byte[] file(String version, int inputs, float[] w1, float bias, float w2) {
    float[] hidden = new float[2 * inputs];
    System.arraycopy(w1, 0, hidden, 0, inputs);
    System.arraycopy(w1, 0, hidden, inputs, inputs);
    EdgeModel model =
        EdgeModel.builder()
            .name("vibration")
            .version(version)
            .layer(
                DenseLayer.float32(inputs, 2, Activation.LINEAR, hidden, new float[] {bias, bias}))
            .layer(
                DenseLayer.float32(
                    2, 2, Activation.LINEAR, new float[] {w2, 0, 0, w2}, new float[] {0, 0}))
            .metadata("task", "classify")
            .build();
    return EdgeModelWriter.toBytes(model);
  }
}
