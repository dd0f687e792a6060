package dev.tandem.nab.loop.artifact;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.nab.loop.Forecaster;

/**
 * A forecaster that runs an edge-model file with the format's reference forward pass, as the device
 * does: the features rounded to float32, the sum in float32. One instance per agent; calls are
 * serialised because the forward pass owns its scratch buffers. Any network of the format with one
 * output is one (a distilled MLP as well as a ridge model): {@link ForecastArtifact#export} writes
 * it back with the loop's metadata.
 */
public final class EdgeForecaster implements Forecaster {
  private final EdgeModel model;
  private final float[] in;
  private final float[] out = new float[1];

  /**
   * @param model a network with one output, its inputs laid out by the loop's feature spec
   * @throws IllegalArgumentException if the model has more than one output
   */
  public EdgeForecaster(EdgeModel model) {
    if (model.outputSize() != 1) {
      throw new IllegalArgumentException(
          "a forecaster has 1 output (the next value), this model has " + model.outputSize());
    }
    this.model = model.copy();
    this.in = new float[model.inputSize()];
  }

  /** The network this forecaster runs (a copy). */
  public EdgeModel network() {
    return model.copy();
  }

  @Override
  public synchronized double predict(double[] features) {
    // The agent's feature buffer may be wider than this model (it keeps the widest seen).
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) features[i];
    }
    model.forward(in, out);
    return out[0];
  }
}
