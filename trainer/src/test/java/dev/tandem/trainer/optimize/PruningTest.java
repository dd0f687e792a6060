package dev.tandem.trainer.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edgemodel.Activation;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.LayerParams;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
  @Test
  void prunesTheSmallestMagnitudesOfEachLayer() {
    Architecture a = new Architecture(2, List.of(2), 1, Activation.RELU, Task.FORECAST);
    Weights w =
        new Weights(
            a,
            List.of(
                new LayerParams(2, 2, new float[] {0.1f, -3f, 2f, -0.2f}, new float[] {1f, 1f}),
                new LayerParams(2, 1, new float[] {-5f, 0.5f}, new float[] {0f})));
    List<float[]> masks = Pruning.masks(w, 0.5);
    assertThat(masks.get(0)).containsExactly(0f, 1f, 1f, 0f);
    assertThat(masks.get(1)).containsExactly(1f, 0f);
    Weights pruned = Pruning.apply(w, masks);
    assertThat(pruned.layers().get(0).kernel()).containsExactly(0f, -3f, 2f, 0f);
    assertThat(pruned.layers().get(0).bias()).containsExactly(1f, 1f);
    assertThat(pruned.sparsity()).isEqualTo(0.5);
  }

  @Test
  void zeroSparsity_keepsEverything() {
    Weights w =
        Weights.initial(new Architecture(4, List.of(3), 2, Activation.TANH, Task.CLASSIFY), 1);
    assertThat(Pruning.masks(w, 0)).allSatisfy(m -> assertThat(m).containsOnly(1f));
  }
}
