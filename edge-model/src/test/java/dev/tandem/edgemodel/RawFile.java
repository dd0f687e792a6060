package dev.tandem.edgemodel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds files field by field, independently of {@link EdgeModelWriter}, so tests can make files
 * whose lengths are consistent but whose shapes are not.
 */
final class RawFile {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  private RawFile() {}

  /** Name, version, sizes, RAW output, no metadata, identity normalisation. */
  static RawFile header(String name, String version, int inputs, int outputs, int layers) {
    RawFile f = new RawFile();
    f.text(name).text(version).u32(inputs).u32(outputs).u8(0).u8(0).u16(layers).u16(0);
    for (int i = 0; i < inputs; i++) {
      f.f32(0f);
    }
    for (int i = 0; i < inputs; i++) {
      f.f32(1f);
    }
    for (int i = 0; i < outputs; i++) {
      f.f32(0f);
    }
    for (int i = 0; i < outputs; i++) {
      f.f32(1f);
    }
    return f;
  }

  /** A float32 linear layer with weights 0.5 and bias 0. */
  RawFile layer(int inputs, int outputs) {
    u32(inputs).u32(outputs).u8(0).u8(0).u16(0);
    for (int k = 0; k < inputs * outputs; k++) {
      f32(0.5f);
    }
    for (int k = 0; k < outputs; k++) {
      f32(0f);
    }
    return this;
  }

  byte[] bytes() {
    byte[] b = body.toByteArray();
    byte[] file = new byte[16 + b.length];
    System.arraycopy(EdgeModelFormat.MAGIC, 0, file, 0, 4);
    file[4] = 1;
    System.arraycopy(b, 0, file, 16, b.length);
    return Models.withFixedCrc(file);
  }

  private RawFile u8(int v) {
    body.write(v);
    return this;
  }

  private RawFile u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  private RawFile u32(int v) {
    body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    return this;
  }

  private RawFile f32(float v) {
    return u32(Float.floatToRawIntBits(v));
  }

  private RawFile text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u16(b.length);
    body.writeBytes(b);
    return this;
  }
}
