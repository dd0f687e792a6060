package dev.tandem.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training graph of one network in TensorFlow graph mode: inputs, two target placeholders (hard
 * labels and soft targets), variables initialised from given {@link Weights}, the loss and an Adam
 * step. Optional masks hold pruned weights at zero (the graph uses {@code kernel * mask}).
 *
 * <p>Loss: forecasts use mean squared error against {@code alpha * y + (1 - alpha) * soft}.
 * Classifiers use {@code alpha * CE(logits, y) + (1 - alpha) * T^2 * CE(logits / T, soft)}, the
 * distillation loss of Hinton et al.; with {@code alpha = 1} the soft targets are ignored.
 */
final class TrainingGraph implements AutoCloseable {
  private final Architecture architecture;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Placeholder<TFloat32> soft;
  private final List<Variable<TFloat32>> kernels = new ArrayList<>();
  private final List<Variable<TFloat32>> biases = new ArrayList<>();
  private final List<float[]> masks;
  private final Operand<TFloat32> loss;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Op train;
  private int steps;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;

  TrainingGraph(
      Weights initial, List<float[]> masks, float learningRate, float alpha, float temperature) {
    this.architecture = initial.architecture();
    this.masks = masks;
    Ops tf = Ops.create(graph);
    int in = architecture.inputs();
    int out = architecture.outputs();
    x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in)));
    y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, out)));
    soft = tf.withName("soft").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, out)));
    beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class);
    beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class);
    Operand<TFloat32> h = x;
    List<LayerParams> layers = initial.layers();
    for (int k = 0; k < layers.size(); k++) {
      LayerParams l = layers.get(k);
      Variable<TFloat32> w =
          tf.withName("kernel" + k)
              .variable(
                  tf.constant(
                      Shape.of(l.inputs(), l.outputs()), DataBuffers.of(l.kernel(), true, false)));
      Variable<TFloat32> b =
          tf.withName("bias" + k)
              .variable(tf.constant(Shape.of(l.outputs()), DataBuffers.of(l.bias(), true, false)));
      kernels.add(w);
      biases.add(b);
      Operand<TFloat32> effective = w;
      if (masks != null) {
        effective =
            tf.math.mul(
                w,
                tf.constant(
                    Shape.of(l.inputs(), l.outputs()), DataBuffers.of(masks.get(k), true, false)));
      }
      h = tf.math.add(tf.linalg.matMul(h, effective), b);
      if (k < layers.size() - 1) {
        h = Layers.activate(tf, h, architecture.hiddenActivation());
      }
    }
    Operand<TInt32> allAxes = tf.constant(new int[] {0, 1});
    if (architecture.task() == Task.CLASSIFY) {
      Operand<TFloat32> hard =
          tf.math.mean(
              tf.nn.softmaxCrossEntropyWithLogits(h, y).loss(), tf.constant(new int[] {0}));
      Operand<TFloat32> scaled = tf.math.div(h, tf.constant(temperature));
      Operand<TFloat32> distilled =
          tf.math.mean(
              tf.nn.softmaxCrossEntropyWithLogits(scaled, soft).loss(), tf.constant(new int[] {0}));
      loss =
          tf.math.add(
              tf.math.mul(tf.constant(alpha), hard),
              tf.math.mul(tf.constant((1 - alpha) * temperature * temperature), distilled));
    } else {
      Operand<TFloat32> target =
          tf.math.add(
              tf.math.mul(tf.constant(alpha), y), tf.math.mul(tf.constant(1 - alpha), soft));
      loss = tf.math.mean(tf.math.squaredDifference(h, target), allAxes);
    }
    train = adam(tf, learningRate);
    // One thread per op and one op at a time: TensorFlow's multi-threaded reductions add partial
    // sums in whatever order threads finish, which breaks "same seed, same weights".
    session =
        new Session(
            graph,
            ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .setUsePerSessionThreads(true)
                .build());
    // Run the variables' initializers on their own: run together with the first step, the
    // optimizer's slots may be read before they are initialised.
    session.initialize();
  }

  /**
   * Adam (Kingma and Ba) from raw {@code ApplyAdam} ops, every update waiting for every gradient
   * and the loss. The framework optimizer applies a variable's update as soon as its own gradient
   * is ready, while another gradient of the same step may still read the variable; runs with the
   * same seed then differed. The bias corrections {@code beta^t} are fed per step from Java.
   */
  private Op adam(Ops tf, float learningRate) {
    List<Variable<TFloat32>> vars = new ArrayList<>();
    for (int k = 0; k < kernels.size(); k++) {
      vars.add(kernels.get(k));
      vars.add(biases.get(k));
    }
    var gradients = tf.gradients(loss, vars);
    // Variables are references: an update may run while another op still reads the variable.
    // Every update waits for every gradient and the loss, so a step reads only old values.
    List<Op> computed = new ArrayList<>();
    computed.add(tf.withControlDependencies(List.of()).identity(loss));
    for (int i = 0; i < vars.size(); i++) {
      computed.add(tf.identity(gradients.dy(i)));
    }
    Ops after = tf.withControlDependencies(computed);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> v = vars.get(i);
      Shape shape = v.shape();
      int size = (int) shape.size();
      Variable<TFloat32> m =
          tf.variable(tf.constant(shape, DataBuffers.of(new float[size], true, false)));
      Variable<TFloat32> s =
          tf.variable(tf.constant(shape, DataBuffers.of(new float[size], true, false)));
      Operand<TFloat32> grad = gradients.dy(i);
      updates.add(
          after.train.applyAdam(
              v,
              m,
              s,
              beta1Power,
              beta2Power,
              tf.constant(learningRate),
              tf.constant(BETA1),
              tf.constant(BETA2),
              tf.constant(1e-7f),
              grad));
    }
    return tf.withControlDependencies(updates).noOp();
  }

  /** One optimizer step on {@code n} examples; returns the loss before the step. */
  float step(float[] xs, float[] ys, float[] softs, int n) {
    steps++;
    return run(xs, ys, softs, n, true);
  }

  /** The loss on {@code n} examples, without changing anything. */
  float loss(float[] xs, float[] ys, float[] softs, int n) {
    return run(xs, ys, softs, n, false);
  }

  private float run(float[] xs, float[] ys, float[] softs, int n, boolean update) {
    int in = architecture.inputs();
    int out = architecture.outputs();
    try (TFloat32 tx = tensor(xs, n, in);
        TFloat32 ty = tensor(ys, n, out);
        TFloat32 ts = tensor(softs, n, out)) {
      Session.Runner runner = session.runner().feed(x, tx).feed(y, ty).feed(soft, ts).fetch(loss);
      if (!update) {
        try (Result r = runner.run()) {
          return ((TFloat32) r.get(0)).getFloat();
        }
      }
      try (TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(BETA1, steps));
          TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(BETA2, steps));
          Result r = runner.feed(beta1Power, p1).feed(beta2Power, p2).addTarget(train).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  /** The current values, with masked weights set to exactly zero. */
  Weights weights() {
    List<LayerParams> layers = new ArrayList<>();
    for (int k = 0; k < kernels.size(); k++) {
      int in = k == 0 ? architecture.inputs() : layers.get(k - 1).outputs();
      int out = architecture.sizes()[k + 1];
      float[] kernel = read(kernels.get(k), in * out);
      if (masks != null) {
        float[] m = masks.get(k);
        for (int i = 0; i < kernel.length; i++) {
          kernel[i] = m[i] == 0f ? 0f : kernel[i];
        }
      }
      layers.add(new LayerParams(in, out, kernel, read(biases.get(k), out)));
    }
    return new Weights(architecture, layers);
  }

  private float[] read(Variable<TFloat32> v, int size) {
    try (Result r = session.runner().fetch(v).run()) {
      float[] values = new float[size];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  private static TFloat32 tensor(float[] values, int n, int width) {
    return TFloat32.tensorOf(
        Shape.of(n, width), DataBuffers.of(values, true, false).narrow((long) n * width));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
