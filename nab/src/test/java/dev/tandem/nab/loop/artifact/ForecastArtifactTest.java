package dev.tandem.nab.loop.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelException;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.loop.FeatureSpec;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.History;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.LoopRunner;
import dev.tandem.nab.loop.RidgeTrainer;
import dev.tandem.nab.loop.StreamTrainer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForecastArtifactTest {
  private static final long START = 1_396_310_400_000L;
  private static final long HOUR = 3_600_000L;

  /** Five days of an hourly daily wave with noise: enough for a model with the daily period. */
  static Series wave(int rows, long seed) {
    Random random = new Random(seed);
    long[] times = new long[rows];
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = START + i * HOUR;
      values[i] = 1000 + 50 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + random.nextGaussian();
    }
    return new Series("wave.csv", times, values);
  }

  private static ForecastModel trained(int rows) {
    Series series = wave(rows, 7);
    History history = new History();
    for (int i = 0; i < rows; i++) {
      history.add(series.timestamp(i), series.value(i));
    }
    FeatureSpec spec = new FeatureSpec(6, List.of(FeatureSpec.DAY_MILLIS), 1);
    return new StreamTrainer(spec, new RidgeTrainer(1e-3), 20_000)
        .train(history, rows)
        .orElseThrow();
  }

  private static double[] features(int width, long seed) {
    Random random = new Random(seed);
    double[] x = new double[width];
    for (int i = 0; i < width; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  @Test
  void fp32RoundTripKeepsSpecScaleAndLineageExactlyAndForecastsToFloatPrecision() {
    ForecastModel model = trained(120);
    assertThat(model.spec().periodsMillis()).containsExactly(FeatureSpec.DAY_MILLIS);

    byte[] file = ForecastArtifact.toBytes(model, "nab-s", "1.0.120", ForecastVariant.FP32);
    ForecastModel back = ForecastArtifact.decode(file);

    assertThat(back.spec()).isEqualTo(model.spec());
    assertThat(back.scale()).isEqualTo(model.scale());
    assertThat(back.trainedRows()).isEqualTo(120);
    for (long seed = 0; seed < 20; seed++) {
      double[] x = features(model.spec().width(), seed);
      double exact = model.forecaster().predict(x);
      // float32 weights, inputs and sum: relative error of a few float ulps of the largest term.
      assertThat(back.forecaster().predict(x))
          .isCloseTo(exact, within(1e-5 * (1 + Math.abs(exact))));
    }
    assertThat(ForecastArtifact.toBytes(model, "nab-s", "1.0.120", ForecastVariant.FP32))
        .as("deterministic bytes")
        .isEqualTo(file);
  }

  @Test
  void int8VariantIsSmallerAndForecastsWithinItsQuantizationStep() {
    ForecastModel model = trained(120);
    byte[] fp32 = ForecastArtifact.toBytes(model, "nab-s", "1.0.120", ForecastVariant.FP32);
    byte[] int8 = ForecastArtifact.toBytes(model, "nab-s", "1.0.120", ForecastVariant.INT8);

    ForecastModel back = ForecastArtifact.decode(int8);

    assertThat(int8.length).isLessThan(fp32.length);
    assertThat(back.spec()).isEqualTo(model.spec());
    var linear = (RidgeTrainer.LinearForecaster) model.forecaster();
    double maxWeight = 0;
    for (double w : linear.weights()) {
      maxWeight = Math.max(maxWeight, Math.abs(w));
    }
    double step = maxWeight / 127;
    for (long seed = 0; seed < 20; seed++) {
      double[] x = features(model.spec().width(), seed);
      double sumAbs = 0;
      for (double v : x) {
        sumAbs += Math.abs(v);
      }
      // Each weight is off by at most half a step.
      assertThat(back.forecaster().predict(x))
          .isCloseTo(model.forecaster().predict(x), within(step / 2 * sumAbs + 1e-4));
    }
  }

  @Test
  void modelWithoutPeriodsRoundTrips() {
    ForecastModel model = trained(30); // a day and a quarter: no daily period yet
    assertThat(model.spec().periodsMillis()).isEmpty();

    ForecastModel back =
        ForecastArtifact.decode(
            ForecastArtifact.toBytes(model, "nab-s", "1.0.30", ForecastVariant.FP32));

    assertThat(back.spec()).isEqualTo(model.spec());
  }

  private static EdgeModel exported() {
    return ForecastArtifact.export(trained(120), "nab-s", "1.0.120", ForecastVariant.FP32);
  }

  private static EdgeModel with(String key, String value) {
    return exported().toBuilder().metadata(key, value).build();
  }

  private static EdgeModel without(String key) {
    EdgeModel model = exported();
    Map<String, String> kept = new TreeMap<>(model.metadata());
    kept.remove(key);
    return EdgeModel.builder()
        .name(model.name())
        .version(model.version())
        .layers(model.layers())
        .metadata(kept)
        .build();
  }

  @Test
  void missingKeyIsRefusedNamingIt() {
    assertThatThrownBy(() -> ForecastArtifact.decode(without("loop.format")))
        .isInstanceOf(ForecastArtifactException.class)
        .hasMessage("metadata key 'loop.format' is missing: not a loop forecaster of format 1");
    assertThatThrownBy(() -> ForecastArtifact.decode(without("loop.scale.spread")))
        .hasMessageContaining("'loop.scale.spread' is missing");
  }

  @Test
  void unknownSectionVersionIsRefused() {
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.format", "2")))
        .isInstanceOf(ForecastArtifactException.class)
        .hasMessage("loop.format: unsupported version 2 (this reader knows 1)");
  }

  @Test
  void malformedValuesAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.lags", "six")))
        .hasMessage("loop.lags: must be an integer, got 'six'");
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.scale.center", "NaN")))
        .hasMessage("loop.scale.center: must be a finite number, got 'NaN'");
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.scale.spread", "0")))
        .hasMessageStartingWith("loop.scale: spread must be finite and > 0");
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.periods-ms", "day")))
        .hasMessage(
            "loop.periods-ms: must be 'none' or milliseconds separated by commas, got 'day'");
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.trained-rows", "0")))
        .hasMessage("loop.trained-rows: must be >= 1, got 0");
    assertThatThrownBy(() -> ForecastArtifact.decode(with("task", "classify")))
        .hasMessage("task: must be 'forecast', got 'classify'");
  }

  @Test
  void specThatDoesNotMatchTheModelsInputsIsRefused() {
    // 7 lags + 3 seasonal inputs = 10, but the layer takes 9.
    assertThatThrownBy(() -> ForecastArtifact.decode(with("loop.lags", "7")))
        .isInstanceOf(ForecastArtifactException.class)
        .hasMessage(
            "loop.lags=7, loop.periods-ms=86400000 and loop.seasonal-half-width=1 make 10 inputs,"
                + " but window=9 and the model takes 9");
  }

  @Test
  void corruptFileIsRefusedByTheFormatReaderFirst() {
    byte[] file = EdgeModelWriter.toBytes(exported());
    file[file.length - 1] ^= 1;

    assertThatThrownBy(() -> ForecastArtifact.decode(file))
        .isInstanceOf(EdgeModelException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void onlyLinearForecastersAndNetworksExport() {
    ForecastModel model = trained(120);
    ForecastModel lambda = new ForecastModel(model.spec(), model.scale(), x -> 0, 120);

    assertThatThrownBy(() -> ForecastArtifact.export(lambda, "m", "1", ForecastVariant.FP32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("only linear forecasters and edge-model networks export");
  }

  /** A two-layer MLP of the spec's width (a distilled student), with seeded weights. */
  private static EdgeModel mlp(int inputs, int hidden) {
    Random random = new Random(3);
    float[] w1 = new float[inputs * hidden];
    float[] w2 = new float[hidden];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) (random.nextGaussian() * 0.3);
    }
    for (int i = 0; i < w2.length; i++) {
      w2[i] = (float) (random.nextGaussian() * 0.3);
    }
    return EdgeModel.builder()
        .name("student")
        .version("1")
        .layer(DenseLayer.float32(inputs, hidden, Activation.RELU, w1, new float[hidden]))
        .layer(DenseLayer.float32(hidden, 1, Activation.LINEAR, w2, new float[] {0.1f}))
        .build();
  }

  @Test
  void networkForecasterRoundTripsWithItsLayersAndForecastsAsBefore() {
    ForecastModel ridge = trained(120);
    int width = ridge.spec().width();
    var network = new EdgeForecaster(mlp(width, 8));
    ForecastModel model = new ForecastModel(ridge.spec(), ridge.scale(), network, 120);

    ForecastModel fp32 =
        ForecastArtifact.decode(ForecastArtifact.toBytes(model, "s", "1", ForecastVariant.FP32));
    byte[] int8File = ForecastArtifact.toBytes(model, "s", "1", ForecastVariant.INT8);
    ForecastModel int8 = ForecastArtifact.decode(int8File);

    assertThat(fp32.spec()).isEqualTo(model.spec());
    assertThat(fp32.scale()).isEqualTo(model.scale());
    assertThat(ForecastArtifact.decode(int8File).forecaster()).isInstanceOf(EdgeForecaster.class);
    assertThat(((EdgeForecaster) int8.forecaster()).network().layers()).hasSize(2);
    assertThat(int8File.length)
        .isLessThan(ForecastArtifact.toBytes(model, "s", "1", ForecastVariant.FP32).length);
    for (long seed = 0; seed < 20; seed++) {
      double[] x = features(width, seed);
      assertThat(fp32.forecaster().predict(x)).isEqualTo(network.predict(x));
      assertThat(int8.forecaster().predict(x)).isCloseTo(network.predict(x), within(0.2));
    }
  }

  @Test
  void networkOfAnotherWidthIsRefused() {
    ForecastModel ridge = trained(120);
    var network = new EdgeForecaster(mlp(ridge.spec().width() + 1, 4));
    ForecastModel model = new ForecastModel(ridge.spec(), ridge.scale(), network, 120);

    assertThatThrownBy(() -> ForecastArtifact.export(model, "m", "1", ForecastVariant.FP32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the network takes %d inputs, the feature spec makes %d"
                .formatted(ridge.spec().width() + 1, ridge.spec().width()));
  }

  @Test
  void variantsAreNamedAsInTheRegistry() {
    assertThat(ForecastVariant.named("int8")).isEqualTo(ForecastVariant.INT8);
    assertThatThrownBy(() -> ForecastVariant.named("fp16"))
        .hasMessage("unknown variant 'fp16'; known: fp32, int8");
  }

  @Test
  void loopThroughTheFp32ArtifactScoresLikeTheLoopWithExactModels() {
    Series series = wave(24 * 30, 3);
    LoopConfig config = LoopConfig.defaults();

    double[] exact = LoopRunner.withRidge(config).scores(series);
    double[] viaFile =
        LoopRunner.withRidge(config, ForecastArtifact.roundTrip(ForecastVariant.FP32))
            .scores(series);

    double worst = 0;
    for (int i = 0; i < exact.length; i++) {
      worst = Math.max(worst, Math.abs(exact[i] - viaFile[i]));
    }
    assertThat(worst).isLessThan(0.02);
  }
}
