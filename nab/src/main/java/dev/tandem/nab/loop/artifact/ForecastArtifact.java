package dev.tandem.nab.loop.artifact;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.edgemodel.OutputKind;
import dev.tandem.nab.loop.FeatureSpec;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.RidgeTrainer.LinearForecaster;
import dev.tandem.nab.loop.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A loop forecaster as an edge-model file ({@code .tedg}, docs/edge-model-format.md): the linear
 * forecaster is one dense layer (width -> 1, linear, identity normalisation: its inputs are already
 * normalised), and what the format has no field for travels in a versioned metadata section, {@code
 * loop.*} (docs/nab.md, "The artifact"): the {@link FeatureSpec}, the {@link Scale} as exact
 * decimal doubles, and the rows the model was trained on. {@link #decode} checks every key.
 */
public final class ForecastArtifact {
  /** Version of the {@code loop.*} metadata section this code writes and reads. */
  public static final int FORMAT = 1;

  static final String TASK = "task";
  static final String WINDOW = "window";
  static final String LOOP_FORMAT = "loop.format";
  static final String LAGS = "loop.lags";
  static final String PERIODS = "loop.periods-ms";
  static final String HALF_WIDTH = "loop.seasonal-half-width";
  static final String CENTER = "loop.scale.center";
  static final String SPREAD = "loop.scale.spread";
  static final String TRAINED_ROWS = "loop.trained-rows";
  static final String VARIANT = "variant";

  /** Written for a model without seasonal periods (metadata values are never empty here). */
  private static final String NO_PERIODS = "none";

  private ForecastArtifact() {}

  /**
   * The edge model of {@code model}, named {@code name} at {@code version}, with its weights in
   * {@code variant}'s encoding. A linear (ridge) forecaster becomes one dense layer; an {@link
   * EdgeForecaster} (a network already in the format, e.g. a distilled MLP) keeps its layers and
   * normalisation.
   *
   * @throws IllegalArgumentException if the forecaster is neither, or its network does not take the
   *     spec's inputs
   */
  public static EdgeModel export(
      ForecastModel model, String name, String version, ForecastVariant variant) {
    FeatureSpec spec = model.spec();
    EdgeModel.Builder network = EdgeModel.builder().name(name).version(version);
    if (model.forecaster() instanceof LinearForecaster linear) {
      double[] w = linear.weights();
      float[] weights = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        weights[i] = (float) w[i];
      }
      network.layer(
          DenseLayer.float32(
              spec.width(),
              1,
              Activation.LINEAR,
              weights,
              new float[] {(float) linear.intercept()}));
    } else if (model.forecaster() instanceof EdgeForecaster edge) {
      EdgeModel net = edge.network();
      if (net.inputSize() != spec.width()) {
        throw new IllegalArgumentException(
            "the network takes %d inputs, the feature spec makes %d"
                .formatted(net.inputSize(), spec.width()));
      }
      network
          .inputNormalization(net.inputNormalization())
          .outputNormalization(net.outputNormalization())
          .layers(net.layers());
    } else {
      throw new IllegalArgumentException(
          "only linear forecasters and edge-model networks export, got "
              + model.forecaster().getClass().getSimpleName());
    }
    EdgeModel full = network.outputKind(OutputKind.RAW).metadata(metadata(model, variant)).build();
    return variant.encode(full);
  }

  /** {@link #export} as file bytes. */
  public static byte[] toBytes(
      ForecastModel model, String name, String version, ForecastVariant variant) {
    return EdgeModelWriter.toBytes(export(model, name, version, variant));
  }

  private static Map<String, String> metadata(ForecastModel model, ForecastVariant variant) {
    FeatureSpec spec = model.spec();
    SortedMap<String, String> m = new TreeMap<>();
    m.put(TASK, "forecast");
    m.put(WINDOW, Integer.toString(spec.width()));
    m.put(LOOP_FORMAT, Integer.toString(FORMAT));
    m.put(LAGS, Integer.toString(spec.lags()));
    m.put(
        PERIODS,
        spec.periodsMillis().isEmpty()
            ? NO_PERIODS
            : spec.periodsMillis().stream().map(String::valueOf).collect(Collectors.joining(",")));
    m.put(HALF_WIDTH, Integer.toString(spec.seasonalHalfWidth()));
    // Double.toString round-trips exactly: the device normalises exactly as the trainer did.
    m.put(CENTER, Double.toString(model.scale().center()));
    m.put(SPREAD, Double.toString(model.scale().spread()));
    m.put(TRAINED_ROWS, Integer.toString(model.trainedRows()));
    m.put(VARIANT, variant.variantName());
    return m;
  }

  /**
   * The loop model an edge-model file holds, run by the format's forward pass.
   *
   * @throws ForecastArtifactException naming the metadata key that is missing, malformed or does
   *     not match the model's shape
   */
  public static ForecastModel decode(EdgeModel model) {
    Map<String, String> m = model.metadata();
    int format = integer(m, LOOP_FORMAT);
    if (format != FORMAT) {
      throw new ForecastArtifactException(
          "%s: unsupported version %d (this reader knows %d)"
              .formatted(LOOP_FORMAT, format, FORMAT));
    }
    if (!"forecast".equals(m.get(TASK))) {
      throw new ForecastArtifactException(
          "%s: must be 'forecast', got '%s'".formatted(TASK, m.get(TASK)));
    }
    FeatureSpec spec;
    try {
      spec = new FeatureSpec(integer(m, LAGS), periods(m), integer(m, HALF_WIDTH));
    } catch (ForecastArtifactException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ForecastArtifactException("loop feature spec: " + e.getMessage());
    }
    if (model.inputSize() != spec.width() || integer(m, WINDOW) != spec.width()) {
      throw new ForecastArtifactException(
          "%s=%s, %s=%s and %s=%s make %d inputs, but %s=%s and the model takes %d"
              .formatted(
                  LAGS,
                  m.get(LAGS),
                  PERIODS,
                  m.get(PERIODS),
                  HALF_WIDTH,
                  m.get(HALF_WIDTH),
                  spec.width(),
                  WINDOW,
                  m.get(WINDOW),
                  model.inputSize()));
    }
    if (model.outputSize() != 1) {
      throw new ForecastArtifactException(
          "a loop forecaster has 1 output (the next value), this model has " + model.outputSize());
    }
    Scale scale;
    try {
      scale = new Scale(decimal(m, CENTER), decimal(m, SPREAD));
    } catch (ForecastArtifactException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ForecastArtifactException("loop.scale: " + e.getMessage());
    }
    int trainedRows = integer(m, TRAINED_ROWS);
    if (trainedRows < 1) {
      throw new ForecastArtifactException(
          "%s: must be >= 1, got %d".formatted(TRAINED_ROWS, trainedRows));
    }
    return new ForecastModel(spec, scale, new EdgeForecaster(model), trainedRows);
  }

  /** {@link #decode} of a file's bytes, which the edge-model reader checks first. */
  public static ForecastModel decode(byte[] file) {
    return decode(new EdgeModelReader().read(file));
  }

  /**
   * How a trained model reaches the agent through its artifact, in process: exported in {@code
   * variant}, written, read and decoded, exactly as the device would get it from the registry.
   */
  public static UnaryOperator<ForecastModel> roundTrip(ForecastVariant variant) {
    return model -> decode(toBytes(model, "nab-loop", "1.0." + model.trainedRows(), variant));
  }

  private static String required(Map<String, String> m, String key) {
    String value = m.get(key);
    if (value == null) {
      throw new ForecastArtifactException(
          "metadata key '%s' is missing: not a loop forecaster of format %d"
              .formatted(key, FORMAT));
    }
    return value;
  }

  private static int integer(Map<String, String> m, String key) {
    String value = required(m, key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ForecastArtifactException("%s: must be an integer, got '%s'".formatted(key, value));
    }
  }

  private static double decimal(Map<String, String> m, String key) {
    String value = required(m, key);
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        throw new ForecastArtifactException(
            "%s: must be a finite number, got '%s'".formatted(key, value));
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ForecastArtifactException("%s: must be a number, got '%s'".formatted(key, value));
    }
  }

  private static List<Long> periods(Map<String, String> m) {
    String value = required(m, PERIODS);
    List<Long> periods = new ArrayList<>();
    if (value.equals(NO_PERIODS)) {
      return periods;
    }
    for (String part : value.split(",", -1)) {
      try {
        periods.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw new ForecastArtifactException(
            "%s: must be '%s' or milliseconds separated by commas, got '%s'"
                .formatted(PERIODS, NO_PERIODS, value));
      }
    }
    return periods;
  }
}
