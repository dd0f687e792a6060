package dev.tandem.edgemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class EdgeModelForwardTest {

  @Test
  void goldenValues_byHand() {
    EdgeModel m = Models.tiny();
    float[] out = new float[1];
    // normalised (1, 1); hidden relu(0.25), relu(1.5); 2*0.25 - 3*1.5 + 1 = -3; -3*0.5 + 10
    m.forward(new float[] {3f, 6f}, out);
    assertThat(out[0]).isEqualTo(8.5f);
    // normalised (0, 0); hidden 0.25, relu(-1) = 0; 0.5 + 1 = 1.5; 1.5*0.5 + 10
    m.forward(new float[] {1f, 2f}, out);
    assertThat(out[0]).isEqualTo(10.75f);
  }

  @Test
  void softmax_givesProbabilitiesInLogitOrder() {
    EdgeModel m =
        EdgeModel.builder()
            .name("c")
            .version("1")
            .outputKind(OutputKind.SOFTMAX)
            .layer(
                DenseLayer.float32(
                    1, 3, Activation.LINEAR, new float[] {1f, 2f, 3f}, new float[] {0f, 0f, 0f}))
            .build();
    float[] p = new float[3];
    m.forward(new float[] {1000f}, p); // large logits: must not overflow
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
    assertThat(p[2]).isCloseTo(1f, within(1e-6f));
    m.forward(new float[] {Float.MIN_NORMAL}, p);
    assertThat(p[0]).isCloseTo(1f / 3f, within(1e-6f));
  }

  @Test
  void activations_matchTheirDefinitions() {
    assertThat(Activation.RELU.apply(-2f)).isZero();
    assertThat(Activation.RELU.apply(2f)).isEqualTo(2f);
    assertThat(Activation.TANH.apply(0.5f)).isEqualTo((float) Math.tanh(0.5));
    assertThat(Activation.SIGMOID.apply(0f)).isEqualTo(0.5f);
    assertThat(Activation.LINEAR.apply(-3f)).isEqualTo(-3f);
  }

  @Test
  void int8_staysCloseToFloat() {
    EdgeModel full = Models.random(3, OutputKind.RAW, 16, 32, 8, 1);
    EdgeModel q = full.quantized();
    java.util.Random r = new java.util.Random(9);
    float[] in = new float[16];
    float[] a = new float[1];
    float[] b = new float[1];
    double sumError = 0;
    double sumMagnitude = 0;
    for (int n = 0; n < 200; n++) {
      for (int i = 0; i < in.length; i++) {
        in[i] = (float) r.nextGaussian();
      }
      full.forward(in, a);
      q.forward(in, b);
      sumError += Math.abs(a[0] - b[0]);
      sumMagnitude += Math.abs(a[0]);
      assertThat(b[0]).isCloseTo(a[0], within(0.2f));
    }
    assertThat(sumError / sumMagnitude).as("mean relative error").isLessThan(0.02);
  }

  @Test
  void forward_allocatesNothingPerCall() {
    EdgeModel m = Models.random(4, OutputKind.SOFTMAX, 32, 64, 16, 4).quantized();
    float[] in = new float[32];
    float[] out = new float[4];
    for (int n = 0; n < 20_000; n++) { // warm up: let the JIT settle
      m.forward(in, out);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int n = 0; n < 10_000; n++) {
      m.forward(in, out);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(allocated).as("bytes allocated by 10,000 calls").isLessThan(10_000);
  }

  @Test
  void forward_wrongLengths_refused() {
    EdgeModel m = Models.tiny();
    assertThatThrownBy(() -> m.forward(new float[3], new float[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 inputs");
  }

  @Test
  void copy_hasItsOwnBuffersAndSameAnswers() {
    EdgeModel m = Models.random(5, OutputKind.RAW, 4, 8, 2);
    EdgeModel c = m.copy();
    float[] in = {1f, 2f, 3f, 4f};
    float[] a = new float[2];
    float[] b = new float[2];
    m.forward(in, a);
    c.forward(in, b);
    assertThat(b).containsExactly(a);
    assertThat(c).isEqualTo(m);
  }

  @Test
  void builder_refusesLayersThatDoNotChain() {
    assertThatThrownBy(
            () ->
                EdgeModel.builder()
                    .name("x")
                    .version("1")
                    .layer(DenseLayer.float32(2, 3, Activation.RELU, new float[6], new float[3]))
                    .layer(DenseLayer.float32(4, 1, Activation.RELU, new float[4], new float[1]))
                    .build())
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.SHAPE_MISMATCH))
        .hasMessageContaining("layer 1 takes 4 inputs, layer 0 gives 3");
  }

  @Test
  void layer_refusesNaNWeights() {
    assertThatThrownBy(
            () -> DenseLayer.float32(1, 1, Activation.RELU, new float[] {Float.NaN}, new float[1]))
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.NON_FINITE));
  }

  @Test
  void parameterCount_countsWeightsAndBiases() {
    assertThat(Models.tiny().parameterCount()).isEqualTo(4 + 2 + 2 + 1);
  }
}
