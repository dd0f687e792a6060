package dev.tandem.trainer.model;

import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.edgemodel.OutputKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A network's architecture and values. */
public record Weights(Architecture architecture, List<LayerParams> layers) {
  public Weights {
    layers = List.copyOf(layers);
    int[] s = architecture.sizes();
    if (layers.size() != s.length - 1) {
      throw new IllegalArgumentException("weights do not match " + architecture);
    }
    for (int k = 0; k < layers.size(); k++) {
      if (layers.get(k).inputs() != s[k] || layers.get(k).outputs() != s[k + 1]) {
        throw new IllegalArgumentException("layer " + k + " does not match " + architecture);
      }
    }
  }

  /** Glorot-uniform kernels and zero biases from a seed: the same seed, the same weights. */
  public static Weights initial(Architecture architecture, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] s = architecture.sizes();
    List<LayerParams> layers = new ArrayList<>();
    for (int k = 0; k + 1 < s.length; k++) {
      double limit = Math.sqrt(6.0 / (s[k] + s[k + 1]));
      float[] kernel = new float[s[k] * s[k + 1]];
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] = (float) random.nextDouble(-limit, limit);
      }
      layers.add(new LayerParams(s[k], s[k + 1], kernel, new float[s[k + 1]]));
    }
    return new Weights(architecture, layers);
  }

  public long parameterCount() {
    return architecture.parameterCount();
  }

  /** Kernel weights that are exactly zero, over all kernel weights. */
  public double sparsity() {
    long zeros = 0;
    long all = 0;
    for (LayerParams l : layers) {
      zeros += Math.round(l.sparsity() * l.kernel().length);
      all += l.kernel().length;
    }
    return (double) zeros / all;
  }

  /** The same network as an edge model in float32 (quantize with {@link EdgeModel#quantized}). */
  public EdgeModel toEdgeModel(
      String name,
      String version,
      Normalization input,
      Normalization output,
      Map<String, String> metadata) {
    EdgeModel.Builder b =
        EdgeModel.builder()
            .name(name)
            .version(version)
            .inputNormalization(input)
            .outputNormalization(output)
            .outputKind(architecture.task() == Task.CLASSIFY ? OutputKind.SOFTMAX : OutputKind.RAW)
            .metadata(metadata);
    for (int k = 0; k < layers.size(); k++) {
      LayerParams l = layers.get(k);
      boolean last = k == layers.size() - 1;
      b.layer(
          DenseLayer.float32(
              l.inputs(),
              l.outputs(),
              last ? dev.tandem.edgemodel.Activation.LINEAR : architecture.hiddenActivation(),
              l.outputMajor(),
              l.bias()));
    }
    return b.build();
  }

  /** Weights back from an edge model's layers (de-quantized), for a TensorFlow graph. */
  public static Weights fromEdgeModel(Architecture architecture, EdgeModel model) {
    List<LayerParams> layers = new ArrayList<>();
    for (DenseLayer d : model.layers()) {
      float[] kernel = new float[d.inputs() * d.outputs()];
      for (int o = 0; o < d.outputs(); o++) {
        for (int i = 0; i < d.inputs(); i++) {
          kernel[i * d.outputs() + o] = d.weights().weight(d.outputs(), d.inputs(), o, i);
        }
      }
      layers.add(new LayerParams(d.inputs(), d.outputs(), kernel, d.bias()));
    }
    return new Weights(architecture, layers);
  }

  /** Whether both hold exactly the same values. */
  public boolean sameValues(Weights other) {
    if (layers.size() != other.layers.size()) {
      return false;
    }
    for (int k = 0; k < layers.size(); k++) {
      if (!Arrays.equals(layers.get(k).kernel(), other.layers.get(k).kernel())
          || !Arrays.equals(layers.get(k).bias(), other.layers.get(k).bias())) {
        return false;
      }
    }
    return true;
  }
}
