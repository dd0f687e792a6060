package dev.tandem.edge.fleet;

import dev.tandem.edge.model.LoadedModel;
import dev.tandem.edge.model.ModelRuntime;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A simulated fault: every model this device loads answers NaN, as on a board whose accelerator is
 * broken. Its health checks fail, so a rollout sees the device refuse the update with {@code
 * health_check_failed} while it keeps the version it runs.
 */
final class BrokenAcceleratorRuntime implements ModelRuntime {
  private final ModelRuntime inner;

  BrokenAcceleratorRuntime(ModelRuntime inner) {
    this.inner = inner;
  }

  @Override
  public LoadedModel load(Path file) throws IOException {
    LoadedModel model = inner.load(file);
    return new LoadedModel() {
      @Override
      public int inputSize() {
        return model.inputSize();
      }

      @Override
      public int outputSize() {
        return model.outputSize();
      }

      @Override
      public float[] infer(float[] input) {
        float[] out = model.infer(input);
        java.util.Arrays.fill(out, Float.NaN);
        return out;
      }

      @Override
      public void close() {
        model.close();
      }
    };
  }
}
