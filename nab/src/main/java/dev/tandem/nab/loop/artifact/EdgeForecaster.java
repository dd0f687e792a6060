package dev.tandem.nab.loop.artifact;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.nab.loop.Forecaster;

/**
 * A forecaster that runs an edge-model file with the format's reference forward pass, as the device
 * does: the features rounded to float32, the sum in float32. One instance per agent; calls are
 * serialised because the forward pass owns its scratch buffers.
 */
final class EdgeForecaster implements Forecaster {
  private final EdgeModel model;
  private final float[] in;
  private final float[] out = new float[1];

  EdgeForecaster(EdgeModel model) {
    this.model = model.copy();
    this.in = new float[model.inputSize()];
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
