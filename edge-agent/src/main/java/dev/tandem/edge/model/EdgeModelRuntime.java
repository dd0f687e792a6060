package dev.tandem.edge.model;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.edgemodel.OutputKind;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the edge model format ({@code .tedg}, docs/edge-model-format.md) and runs it with its
 * pure-Java forward pass. The reader checks the whole file (checksum, sizes, values) before
 * anything runs.
 */
public final class EdgeModelRuntime implements ModelRuntime {
  private final EdgeModelReader reader = new EdgeModelReader();

  /**
   * @throws dev.tandem.edgemodel.EdgeModelException with the format's reason if the file is not a
   *     valid edge model
   */
  @Override
  public LoadedModel load(Path file) throws IOException {
    return new Loaded(reader.read(file));
  }

  /** One model; calls are serialised because the forward pass owns its scratch buffers. */
  private static final class Loaded implements LoadedModel {
    private final EdgeModel model;
    private final boolean classifier;

    Loaded(EdgeModel model) {
      this.model = model;
      this.classifier =
          model.outputKind() == OutputKind.SOFTMAX
              || "classify".equals(model.metadata().get("task"));
    }

    @Override
    public int inputSize() {
      return model.inputSize();
    }

    @Override
    public int outputSize() {
      return model.outputSize();
    }

    @Override
    public synchronized float[] infer(float[] input) {
      float[] out = new float[model.outputSize()];
      model.forward(input, out);
      return out;
    }

    /**
     * Classifiers: the most probable class is not class 0. Forecasters answer a value, not a
     * verdict: the caller judges the residual, so they count no anomalies here.
     */
    @Override
    public boolean isAnomaly(float[] output) {
      return classifier && output.length > 1 && LoadedModel.super.isAnomaly(output);
    }
  }
}
