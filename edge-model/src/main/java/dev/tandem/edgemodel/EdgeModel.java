package dev.tandem.edgemodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small feed-forward model and its reference forward pass: normalise the input, apply the dense
 * layers in order, optionally softmax, then de-normalise the output.
 *
 * <p>Immutable, but {@link #forward} uses scratch buffers allocated at construction, so one
 * instance must not run {@code forward} on two threads at once; {@link #copy()} gives another
 * instance that shares the weights.
 */
public final class EdgeModel {
  private final String name;
  private final String version;
  private final Normalization input;
  private final List<DenseLayer> layers;
  private final OutputKind outputKind;
  private final Normalization output;
  private final SortedMap<String, String> metadata;
  private final float[] bufferA;
  private final float[] bufferB;

  private EdgeModel(Builder b) {
    this.name = requireText(b.name, "name");
    this.version = requireText(b.version, "version");
    if (b.layers.isEmpty()) {
      throw new EdgeModelException(EdgeModelError.SHAPE_MISMATCH, "a model needs a layer");
    }
    this.layers = List.copyOf(b.layers);
    int in = layers.get(0).inputs();
    int out = layers.get(layers.size() - 1).outputs();
    this.input = b.input == null ? Normalization.identity(in) : b.input;
    this.output = b.output == null ? Normalization.identity(out) : b.output;
    this.outputKind = Objects.requireNonNull(b.outputKind, "outputKind");
    this.metadata = Collections.unmodifiableSortedMap(new TreeMap<>(b.metadata));
    if (input.size() != in) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "input normalisation has " + input.size() + " elements, first layer takes " + in);
    }
    if (output.size() != out) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "output normalisation has " + output.size() + " elements, last layer gives " + out);
    }
    int widest = in;
    for (int k = 1; k < layers.size(); k++) {
      if (layers.get(k).inputs() != layers.get(k - 1).outputs()) {
        throw new EdgeModelException(
            EdgeModelError.SHAPE_MISMATCH,
            "layer "
                + k
                + " takes "
                + layers.get(k).inputs()
                + " inputs, layer "
                + (k - 1)
                + " gives "
                + layers.get(k - 1).outputs());
      }
    }
    for (DenseLayer l : layers) {
      widest = Math.max(widest, l.outputs());
    }
    this.bufferA = new float[widest];
    this.bufferB = new float[widest];
  }

  private EdgeModel(EdgeModel shared) {
    this.name = shared.name;
    this.version = shared.version;
    this.input = shared.input;
    this.layers = shared.layers;
    this.outputKind = shared.outputKind;
    this.output = shared.output;
    this.metadata = shared.metadata;
    this.bufferA = new float[shared.bufferA.length];
    this.bufferB = new float[shared.bufferB.length];
  }

  /** A builder; layers, name and version are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Another instance over the same weights with its own scratch buffers (for another thread). */
  public EdgeModel copy() {
    return new EdgeModel(this);
  }

  /**
   * Runs the model on one sample without allocating.
   *
   * @param in {@link #inputSize()} raw (not normalised) input values
   * @param out receives {@link #outputSize()} de-normalised outputs
   * @throws IllegalArgumentException when an array has the wrong length
   */
  public void forward(float[] in, float[] out) {
    if (in.length != inputSize() || out.length != outputSize()) {
      throw new IllegalArgumentException(
          "forward needs "
              + inputSize()
              + " inputs and "
              + outputSize()
              + " outputs, got "
              + in.length
              + " and "
              + out.length);
    }
    float[] cur = bufferA;
    float[] next = bufferB;
    for (int i = 0; i < in.length; i++) {
      cur[i] = (in[i] - input.meanAt(i)) / input.stdAt(i);
    }
    for (DenseLayer layer : layers) {
      dense(layer, cur, next);
      float[] t = cur;
      cur = next;
      next = t;
    }
    int n = out.length;
    if (outputKind == OutputKind.SOFTMAX) {
      softmax(cur, n);
    }
    for (int o = 0; o < n; o++) {
      out[o] = cur[o] * output.stdAt(o) + output.meanAt(o);
    }
  }

  private static void dense(DenseLayer layer, float[] x, float[] y) {
    int in = layer.inputs();
    float[] bias = layer.rawBias();
    Activation act = layer.activation();
    if (layer.weights() instanceof Int8Weights q) {
      byte[] w = q.rawValues();
      float[] scales = q.rawScales();
      for (int o = 0, base = 0; o < layer.outputs(); o++, base += in) {
        float sum = 0f;
        for (int i = 0; i < in; i++) {
          sum += w[base + i] * x[i];
        }
        y[o] = act.apply(sum * scales[o] + bias[o]);
      }
    } else {
      float[] w = ((Float32Weights) layer.weights()).raw();
      for (int o = 0, base = 0; o < layer.outputs(); o++, base += in) {
        float sum = 0f;
        for (int i = 0; i < in; i++) {
          sum += w[base + i] * x[i];
        }
        y[o] = act.apply(sum + bias[o]);
      }
    }
  }

  private static void softmax(float[] v, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, v[i]);
    }
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      v[i] = (float) Math.exp(v[i] - max);
      sum += v[i];
    }
    for (int i = 0; i < n; i++) {
      v[i] /= sum;
    }
  }

  /** The model's name (e.g. {@code temperature-forecaster}). */
  public String name() {
    return name;
  }

  /** The model's version as the registry knows it. */
  public String version() {
    return version;
  }

  public int inputSize() {
    return input.size();
  }

  public int outputSize() {
    return output.size();
  }

  public Normalization inputNormalization() {
    return input;
  }

  public Normalization outputNormalization() {
    return output;
  }

  public OutputKind outputKind() {
    return outputKind;
  }

  public List<DenseLayer> layers() {
    return layers;
  }

  /** Free-form string pairs the trainer stores with the model (task, window, calibration). */
  public SortedMap<String, String> metadata() {
    return metadata;
  }

  /** Weights plus biases of every layer. */
  public long parameterCount() {
    long n = 0;
    for (DenseLayer l : layers) {
      n += l.parameterCount();
    }
    return n;
  }

  /** This model with every layer's weights quantized to int8 per output channel. */
  public EdgeModel quantized() {
    List<DenseLayer> q = new ArrayList<>();
    for (DenseLayer l : layers) {
      q.add(l.quantized());
    }
    return toBuilder().layers(q).build();
  }

  /** A builder holding this model's fields. */
  public Builder toBuilder() {
    return builder()
        .name(name)
        .version(version)
        .inputNormalization(input)
        .layers(layers)
        .outputKind(outputKind)
        .outputNormalization(output)
        .metadata(metadata);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EdgeModel m
        && name.equals(m.name)
        && version.equals(m.version)
        && input.equals(m.input)
        && layers.equals(m.layers)
        && outputKind == m.outputKind
        && output.equals(m.output)
        && metadata.equals(m.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, layers);
  }

  @Override
  public String toString() {
    return "EdgeModel[" + name + " " + version + ", " + layers + ", " + outputKind + "]";
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isEmpty()) {
      throw new EdgeModelException(EdgeModelError.INVALID_VALUE, "model " + what + " is empty");
    }
    return s;
  }

  /** Collects a model's parts; {@link #build()} checks that they fit together. */
  public static final class Builder {
    private String name;
    private String version;
    private Normalization input;
    private final List<DenseLayer> layers = new ArrayList<>();
    private OutputKind outputKind = OutputKind.RAW;
    private Normalization output;
    private final Map<String, String> metadata = new TreeMap<>();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Defaults to identity. */
    public Builder inputNormalization(Normalization input) {
      this.input = input;
      return this;
    }

    /** Defaults to identity. */
    public Builder outputNormalization(Normalization output) {
      this.output = output;
      return this;
    }

    /** Defaults to {@link OutputKind#RAW}. */
    public Builder outputKind(OutputKind kind) {
      this.outputKind = kind;
      return this;
    }

    public Builder layer(DenseLayer layer) {
      layers.add(Objects.requireNonNull(layer, "layer"));
      return this;
    }

    /** Replaces the layers. */
    public Builder layers(List<DenseLayer> layers) {
      this.layers.clear();
      layers.forEach(this::layer);
      return this;
    }

    public Builder metadata(String key, String value) {
      metadata.put(requireText(key, "metadata key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /**
     * @throws EdgeModelException {@link EdgeModelError#SHAPE_MISMATCH} when sizes do not chain,
     *     {@link EdgeModelError#INVALID_VALUE} on an empty name or version
     */
    public EdgeModel build() {
      return new EdgeModel(this);
    }
  }
}
