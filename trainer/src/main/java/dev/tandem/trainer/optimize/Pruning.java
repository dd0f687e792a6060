package dev.tandem.trainer.optimize;

import dev.tandem.trainer.model.LayerParams;
import dev.tandem.trainer.model.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Magnitude pruning: per layer, the kernel weights of smallest magnitude are held at zero. */
public final class Pruning {
  private Pruning() {}

  /**
   * Masks (1 keep, 0 prune) that zero the {@code sparsity} share of each layer's kernel weights
   * with the smallest magnitude. Ties at the threshold are pruned in index order, so exactly {@code
   * floor(sparsity * n)} weights go.
   */
  public static List<float[]> masks(Weights weights, double sparsity) {
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("sparsity must be in [0, 1): " + sparsity);
    }
    List<float[]> masks = new ArrayList<>();
    for (LayerParams l : weights.layers()) {
      float[] k = l.kernel();
      Integer[] order = new Integer[k.length];
      for (int i = 0; i < k.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Float.compare(Math.abs(k[a]), Math.abs(k[b])));
      float[] mask = new float[k.length];
      Arrays.fill(mask, 1f);
      int prune = (int) Math.floor(sparsity * k.length);
      for (int i = 0; i < prune; i++) {
        mask[order[i]] = 0f;
      }
      masks.add(mask);
    }
    return masks;
  }

  /** {@code weights} with the masked kernel weights set to zero. */
  public static Weights apply(Weights weights, List<float[]> masks) {
    List<LayerParams> layers = new ArrayList<>();
    for (int k = 0; k < weights.layers().size(); k++) {
      LayerParams l = weights.layers().get(k);
      float[] kernel = l.kernel().clone();
      float[] m = masks.get(k);
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] = m[i] == 0f ? 0f : kernel[i]; // exactly +0, never -0
      }
      layers.add(new LayerParams(l.inputs(), l.outputs(), kernel, l.bias()));
    }
    return new Weights(weights.architecture(), layers);
  }
}
