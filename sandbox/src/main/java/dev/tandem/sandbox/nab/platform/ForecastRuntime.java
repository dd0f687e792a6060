package dev.tandem.sandbox.nab.platform;

import dev.tandem.edge.model.LoadedModel;
import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.artifact.ForecastArtifact;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The agent's runtime for loop forecasters: reads the edge-model file strictly, then decodes its
 * {@code loop.*} section into the {@link ForecastModel} the detector installs. A file that is not a
 * loop forecaster fails to load, so the update client refuses it ({@code model_load_failed}) and
 * the running model stays.
 */
final class ForecastRuntime implements ModelRuntime {
  private final EdgeModelReader reader = new EdgeModelReader();

  @Override
  public LoadedModel load(Path file) throws IOException {
    EdgeModel model = reader.read(file);
    return new Loaded(model, ForecastArtifact.decode(model));
  }

  /** A loaded forecaster: the health check runs it as a plain edge model. */
  static final class Loaded implements LoadedModel {
    private final EdgeModel model;
    private final ForecastModel forecast;

    Loaded(EdgeModel model, ForecastModel forecast) {
      this.model = model.copy();
      this.forecast = forecast;
    }

    /** The model as the loop detector installs it. */
    ForecastModel forecast() {
      return forecast;
    }

    @Override
    public int inputSize() {
      return model.inputSize();
    }

    @Override
    public int outputSize() {
      return 1;
    }

    @Override
    public synchronized float[] infer(float[] input) {
      float[] out = new float[1];
      model.forward(input, out);
      return out;
    }

    /** A forecaster answers a value, not a verdict. */
    @Override
    public boolean isAnomaly(float[] output) {
      return false;
    }
  }
}
