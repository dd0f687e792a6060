package dev.tandem.trainer.export;

import com.google.protobuf.ByteString;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.Int8Weights;
import dev.tandem.edgemodel.OutputKind;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * The inference graph of a model, built from its edge model description so that both runtimes run
 * the same network: input normalisation, dense layers with weights as constants, softmax or
 * de-normalisation. Int8 layers keep int8 constants (a {@code Const} built from a {@code
 * TensorProto}, since TensorFlow Java 1.x has no int8 tensor type) and de-quantize with {@code
 * Cast} and the per-channel scales. No variables and no optimizer state.
 *
 * <p>Signature {@code serving_default}: input {@code input} (float32, [-1, inputs]), output {@code
 * output} (float32, [-1, outputs]).
 */
public final class InferenceGraph implements AutoCloseable {
  public static final String INPUT = "input";
  public static final String OUTPUT = "output";

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> output;
  private final int inputs;
  private final int outputs;

  public InferenceGraph(EdgeModel model) {
    this.inputs = model.inputSize();
    this.outputs = model.outputSize();
    Ops tf = Ops.create(graph);
    input = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
    Operand<TFloat32> h =
        tf.math.div(
            tf.math.sub(input, vector(tf, model.inputNormalization().mean())),
            vector(tf, model.inputNormalization().std()));
    int k = 0;
    for (DenseLayer layer : model.layers()) {
      h = tf.math.add(tf.linalg.matMul(h, kernel(tf, layer, k++)), vector(tf, layer.bias()));
      h =
          switch (layer.activation()) {
            case LINEAR -> h;
            case RELU -> tf.nn.relu(h);
            case TANH -> tf.math.tanh(h);
            case SIGMOID -> tf.math.sigmoid(h);
          };
    }
    if (model.outputKind() == OutputKind.SOFTMAX) {
      h = tf.nn.softmax(h);
    }
    h =
        tf.math.add(
            tf.math.mul(h, vector(tf, model.outputNormalization().std())),
            vector(tf, model.outputNormalization().mean()));
    output = tf.withName(OUTPUT).identity(h);
    session = new Session(graph);
  }

  private static Operand<TFloat32> vector(Ops tf, float[] v) {
    return tf.constant(Shape.of(v.length), DataBuffers.of(v, true, false));
  }

  /** The layer's kernel as [inputs, outputs]: float constants, or int8 constants de-quantized. */
  private Operand<TFloat32> kernel(Ops tf, DenseLayer layer, int k) {
    int in = layer.inputs();
    int out = layer.outputs();
    if (layer.weights() instanceof Int8Weights q) {
      byte[] outMajor = q.values();
      byte[] inMajor = new byte[outMajor.length];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          inMajor[i * out + o] = outMajor[o * in + i];
        }
      }
      TensorProto proto =
          TensorProto.newBuilder()
              .setDtype(DataType.DT_INT8)
              .setTensorShape(
                  TensorShapeProto.newBuilder()
                      .addDim(TensorShapeProto.Dim.newBuilder().setSize(in))
                      .addDim(TensorShapeProto.Dim.newBuilder().setSize(out)))
              .setTensorContent(ByteString.copyFrom(inMajor))
              .build();
      var constant =
          graph
              .opBuilder("Const", "kernel" + k + "_int8", tf.scope())
              .setAttr("dtype", DataType.DT_INT8)
              .setAttr("value", AttrValue.newBuilder().setTensor(proto).build())
              .build();
      return tf.math.mul(
          tf.dtypes.cast(constant.output(0), TFloat32.class), vector(tf, q.scales()));
    }
    float[] inMajor = new float[in * out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        inMajor[i * out + o] = layer.weights().weight(out, in, o, i);
      }
    }
    return tf.constant(Shape.of(in, out), DataBuffers.of(inMajor, true, false));
  }

  /** Runs {@code n} examples ({@code x} row-major) and returns their outputs row-major. */
  public float[] predict(float[] x, int n) {
    try (TFloat32 t =
            TFloat32.tensorOf(
                Shape.of(n, inputs), DataBuffers.of(x, true, false).narrow((long) n * inputs));
        Result r = session.runner().feed(input, t).fetch(output).run()) {
      float[] y = new float[n * outputs];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(y, false, false));
      return y;
    }
  }

  /**
   * Writes a SavedModel (tag {@code serve}, signature {@code serving_default}) into {@code dir}.
   *
   * @throws TrainerException {@link TrainerError#EXPORT_FAILED}
   */
  public void exportSavedModel(Path dir) {
    Signature signature =
        Signature.builder()
            .key("serving_default")
            .input(INPUT, input)
            .output(OUTPUT, output)
            .build();
    try {
      SavedModelBundle.exporter(dir.toString()).withFunction(session.function(signature)).export();
    } catch (IOException | RuntimeException e) {
      throw new TrainerException(
          TrainerError.EXPORT_FAILED, "cannot write the SavedModel to " + dir + ": " + e, e);
    }
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
