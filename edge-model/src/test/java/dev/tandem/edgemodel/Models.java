package dev.tandem.edgemodel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/** Small models and byte surgery for the tests. */
final class Models {
  private Models() {}

  /** 2 inputs -> 2 relu units -> 1 linear output, with input and output normalisation. */
  static EdgeModel tiny() {
    return EdgeModel.builder()
        .name("m")
        .version("1")
        .inputNormalization(new Normalization(new float[] {1f, 2f}, new float[] {2f, 4f}))
        .layer(
            DenseLayer.float32(
                2, 2, Activation.RELU, new float[] {1f, -1f, 0.5f, 2f}, new float[] {0.25f, -1f}))
        .layer(DenseLayer.float32(2, 1, Activation.LINEAR, new float[] {2f, -3f}, new float[] {1f}))
        .outputNormalization(new Normalization(new float[] {10f}, new float[] {0.5f}))
        .build();
  }

  /** A seeded random model: {@code sizes[0]} inputs, tanh hidden layers, {@code kind} output. */
  static EdgeModel random(long seed, OutputKind kind, int... sizes) {
    java.util.Random r = new java.util.Random(seed);
    EdgeModel.Builder b = EdgeModel.builder().name("random-" + seed).version("7").outputKind(kind);
    for (int k = 0; k + 1 < sizes.length; k++) {
      float[] w = new float[sizes[k] * sizes[k + 1]];
      float[] bias = new float[sizes[k + 1]];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) r.nextGaussian() * 0.5f;
      }
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (float) r.nextGaussian() * 0.1f;
      }
      Activation act = k + 2 == sizes.length ? Activation.LINEAR : Activation.TANH;
      b.layer(DenseLayer.float32(sizes[k], sizes[k + 1], act, w, bias));
    }
    float[] mean = new float[sizes[0]];
    float[] std = new float[sizes[0]];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) r.nextGaussian();
      std[i] = 0.5f + r.nextFloat();
    }
    return b.inputNormalization(new Normalization(mean, std)).metadata("task", "test").build();
  }

  /** Overwrites body bytes at {@code bodyOffset} and fixes the CRC so only the change is seen. */
  static byte[] patchBody(byte[] file, int bodyOffset, byte... bytes) {
    byte[] copy = file.clone();
    System.arraycopy(bytes, 0, copy, EdgeModelFormat.HEADER_BYTES + bodyOffset, bytes.length);
    return withFixedCrc(copy);
  }

  static byte[] withFixedCrc(byte[] file) {
    CRC32 crc = new CRC32();
    crc.update(file, EdgeModelFormat.HEADER_BYTES, file.length - EdgeModelFormat.HEADER_BYTES);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(12, (int) crc.getValue());
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(8, file.length - 16);
    return file;
  }

  static byte[] le32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  static byte[] f32(float v) {
    return le32(Float.floatToRawIntBits(v));
  }
}
