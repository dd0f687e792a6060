package dev.tandem.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceGraphTest {

  static EdgeModel model(Task task, int outputs) {
    Architecture a = new Architecture(16, List.of(24, 8), outputs, Activation.RELU, task);
    Weights w = Weights.initial(a, 5);
    float[] mean = new float[16];
    float[] std = new float[16];
    for (int i = 0; i < 16; i++) {
      mean[i] = i * 0.1f;
      std[i] = 1f + i * 0.05f;
    }
    Normalization out =
        task == Task.FORECAST
            ? new Normalization(new float[] {20f}, new float[] {3f})
            : Normalization.identity(outputs);
    return w.toEdgeModel("m", "1", new Normalization(mean, std), out, Map.of());
  }

  static float[] inputs(int n) {
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[n * 16];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble(-3, 3);
    }
    return x;
  }

  @Test
  void savedModel_andEdgeFile_agree_float32AndInt8(@TempDir Path dir) throws Exception {
    for (EdgeModel m :
        List.of(
            model(Task.FORECAST, 1),
            model(Task.FORECAST, 1).quantized(),
            model(Task.CLASSIFY, 4).quantized())) {
      Path saved = Files.createTempDirectory(dir, "sm");
      try (InferenceGraph g = new InferenceGraph(m)) {
        g.exportSavedModel(saved);
      }
      EdgeModel edge = new EdgeModelReader().read(EdgeModelWriter.toBytes(m));
      int n = 64;
      float[] x = inputs(n);
      float[] tf = SavedModels.run(saved, x, n, 16, m.outputSize());
      float[] in = new float[16];
      float[] out = new float[m.outputSize()];
      for (int k = 0; k < n; k++) {
        System.arraycopy(x, k * 16, in, 0, 16);
        edge.forward(in, out);
        for (int o = 0; o < out.length; o++) {
          assertThat(out[o]).isCloseTo(tf[k * out.length + o], within(1e-4f));
        }
      }
    }
  }

  @Test
  void int8SavedModel_isSmallerThanFloat(@TempDir Path dir) throws Exception {
    Architecture a = new Architecture(64, List.of(128), 4, Activation.RELU, Task.CLASSIFY);
    EdgeModel full =
        Weights.initial(a, 1)
            .toEdgeModel("m", "1", Normalization.identity(64), Normalization.identity(4), Map.of());
    Path f = dir.resolve("f");
    Path q = dir.resolve("q");
    try (InferenceGraph g = new InferenceGraph(full)) {
      g.exportSavedModel(f);
    }
    try (InferenceGraph g = new InferenceGraph(full.quantized())) {
      g.exportSavedModel(q);
    }
    int fullBytes = SavedModels.zip(f).length;
    int int8Bytes = SavedModels.zip(q).length;
    assertThat(int8Bytes).isLessThan(fullBytes / 2);
    assertThat(SavedModels.zip(f)).isEqualTo(SavedModels.zip(f));
  }
}
