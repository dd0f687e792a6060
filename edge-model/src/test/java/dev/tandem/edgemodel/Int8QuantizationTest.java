package dev.tandem.edgemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Int8QuantizationTest {

  @Test
  void scalePerOutputChannel_fromItsLargestWeight() {
    Int8Weights q = Int8Quantization.quantize(new float[] {1f, -0.25f, 0.015f, 0.02f}, 2, 2);
    assertThat(q.scales()).containsExactly(1f / 127f, 0.02f / 127f);
    assertThat(q.values()).containsExactly((byte) 127, (byte) -32, (byte) 95, (byte) 127);
  }

  @Test
  void errorIsAtMostHalfAStep() {
    java.util.Random r = new java.util.Random(1);
    float[] w = new float[8 * 32];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian() * (1 + i / 32);
    }
    Int8Weights q = Int8Quantization.quantize(w, 8, 32);
    for (int o = 0; o < 8; o++) {
      for (int i = 0; i < 32; i++) {
        float error = Math.abs(q.weight(8, 32, o, i) - w[o * 32 + i]);
        assertThat(error).isLessThanOrEqualTo(q.scales()[o] / 2 * 1.0001f);
      }
    }
  }

  @Test
  void zeroChannel_getsScaleZero() {
    Int8Weights q = Int8Quantization.quantize(new float[] {0f, 0f, 1f, 1f}, 2, 2);
    assertThat(q.scales()[0]).isZero();
    assertThat(q.weight(2, 2, 0, 1)).isZero();
  }

  @Test
  void refusesNaNAndWrongShape() {
    assertThatThrownBy(() -> Int8Quantization.quantize(new float[] {Float.NaN}, 1, 1))
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.NON_FINITE));
    assertThatThrownBy(() -> Int8Quantization.quantize(new float[3], 2, 2))
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.SHAPE_MISMATCH));
  }

  @Test
  void int8Weights_refuseMinus128() {
    assertThatThrownBy(() -> new Int8Weights(new byte[] {-128}, new float[] {1f}))
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.INVALID_VALUE));
  }
}
