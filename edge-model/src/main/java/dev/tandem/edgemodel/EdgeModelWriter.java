package dev.tandem.edgemodel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes an {@link EdgeModel} in format version {@link EdgeModelFormat#VERSION}. */
public final class EdgeModelWriter {
  private EdgeModelWriter() {}

  /** The model as the bytes of one file. Deterministic: the same model gives the same bytes. */
  public static byte[] toBytes(EdgeModel model) {
    byte[] body = body(model);
    CRC32 crc = new CRC32();
    crc.update(body);
    ByteBuffer header = ByteBuffer.allocate(EdgeModelFormat.HEADER_BYTES);
    header.order(ByteOrder.LITTLE_ENDIAN);
    header.put(EdgeModelFormat.MAGIC);
    header.putShort((short) EdgeModelFormat.VERSION);
    header.putShort((short) 0);
    header.putInt(body.length);
    header.putInt((int) crc.getValue());
    byte[] file = new byte[EdgeModelFormat.HEADER_BYTES + body.length];
    System.arraycopy(header.array(), 0, file, 0, EdgeModelFormat.HEADER_BYTES);
    System.arraycopy(body, 0, file, EdgeModelFormat.HEADER_BYTES, body.length);
    return file;
  }

  /** Writes the file to {@code out} (does not close it). */
  public static void write(EdgeModel model, OutputStream out) throws IOException {
    out.write(toBytes(model));
  }

  /** Writes the file to {@code path}, replacing it. */
  public static void write(EdgeModel model, Path path) throws IOException {
    Files.write(path, toBytes(model));
  }

  private static byte[] body(EdgeModel model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LittleEndianOut out = new LittleEndianOut(new DataOutputStream(bytes));
    try {
      out.text(model.name());
      out.text(model.version());
      out.u32(model.inputSize());
      out.u32(model.outputSize());
      out.u8(model.outputKind().id());
      out.u8(0);
      out.u16(model.layers().size());
      out.u16(model.metadata().size());
      for (Map.Entry<String, String> e : model.metadata().entrySet()) {
        out.text(e.getKey());
        out.text(e.getValue());
      }
      out.floats(model.inputNormalization().mean());
      out.floats(model.inputNormalization().std());
      out.floats(model.outputNormalization().mean());
      out.floats(model.outputNormalization().std());
      for (DenseLayer l : model.layers()) {
        out.u32(l.inputs());
        out.u32(l.outputs());
        out.u8(l.activation().id());
        out.u8(l.weights().encodingId());
        out.u16(0);
        if (l.weights() instanceof Int8Weights q) {
          out.floats(q.rawScales());
          out.bytes(q.rawValues());
        } else {
          out.floats(((Float32Weights) l.weights()).raw());
        }
        out.floats(l.rawBias());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Little-endian primitives over a DataOutputStream (which is big-endian). */
  private record LittleEndianOut(DataOutputStream out) {
    void u8(int v) throws IOException {
      out.writeByte(v);
    }

    void u16(int v) throws IOException {
      out.writeByte(v);
      out.writeByte(v >>> 8);
    }

    void u32(int v) throws IOException {
      out.writeInt(Integer.reverseBytes(v));
    }

    void floats(float[] v) throws IOException {
      for (float f : v) {
        out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(f)));
      }
    }

    void bytes(byte[] v) throws IOException {
      out.write(v);
    }

    void text(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xFFFF) {
        throw new EdgeModelException(
            EdgeModelError.TOO_LARGE, "string of " + b.length + " bytes does not fit a u16 length");
      }
      u16(b.length);
      out.write(b);
    }
  }
}
