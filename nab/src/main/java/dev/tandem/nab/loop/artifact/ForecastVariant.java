package dev.tandem.nab.loop.artifact;

import dev.tandem.edgemodel.EdgeModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a forecaster's weights are stored in its edge-model file. */
public enum ForecastVariant {
  /** Full precision: the ridge weights rounded to float32. */
  FP32,
  /** int8 per output channel (one scale for the single output), bias in float32. */
  INT8;

  /** The registry's variant name: {@code fp32} or {@code int8}. */
  public String variantName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code model} with its weights in this encoding. */
  EdgeModel encode(EdgeModel model) {
    return this == INT8 ? model.quantized() : model;
  }

  /**
   * The variant named {@code name} ({@code fp32} or {@code int8}).
   *
   * @throws IllegalArgumentException naming the known variants
   */
  public static ForecastVariant named(String name) {
    for (ForecastVariant v : values()) {
      if (v.variantName().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown variant '%s'; known: %s"
            .formatted(
                name,
                Arrays.stream(values())
                    .map(ForecastVariant::variantName)
                    .collect(Collectors.joining(", "))));
  }
}
