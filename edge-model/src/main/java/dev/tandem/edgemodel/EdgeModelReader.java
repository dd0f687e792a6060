package dev.tandem.edgemodel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads edge model files strictly: every refusal is an {@link EdgeModelException} whose {@link
 * EdgeModelException#error()} says why. Nothing is allocated beyond what {@link EdgeModelLimits}
 * allows before the bytes that justify it have been read.
 */
public final class EdgeModelReader {
  private final EdgeModelLimits limits;

  /** A reader with {@link EdgeModelLimits#DEFAULT}. */
  public EdgeModelReader() {
    this(EdgeModelLimits.DEFAULT);
  }

  public EdgeModelReader(EdgeModelLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads a whole file from memory.
   *
   * @throws EdgeModelException when the file is refused (see {@link EdgeModelError})
   */
  public EdgeModel read(byte[] file) {
    checkMagic(file, file.length);
    if (file.length < EdgeModelFormat.HEADER_BYTES) {
      throw new EdgeModelException(
          EdgeModelError.TRUNCATED, "file of " + file.length + " bytes has no complete header");
    }
    if (file.length > limits.maxFileBytes()) {
      throw tooLargeFile(file.length);
    }
    long bodyLength = header(file);
    long expected = EdgeModelFormat.HEADER_BYTES + bodyLength;
    if (file.length < expected) {
      throw new EdgeModelException(
          EdgeModelError.TRUNCATED, "file has " + file.length + " bytes, header says " + expected);
    }
    if (file.length > expected) {
      throw new EdgeModelException(
          EdgeModelError.TRAILING_DATA,
          (file.length - expected) + " bytes follow the " + expected + " the header announces");
    }
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int storedCrc = in.getInt(12);
    CRC32 crc = new CRC32();
    crc.update(file, EdgeModelFormat.HEADER_BYTES, (int) bodyLength);
    if ((int) crc.getValue() != storedCrc) {
      throw new EdgeModelException(
          EdgeModelError.BAD_CHECKSUM,
          String.format("body CRC32 is %08x, header says %08x", (int) crc.getValue(), storedCrc));
    }
    in.position(EdgeModelFormat.HEADER_BYTES);
    return body(new Cursor(in.slice().order(ByteOrder.LITTLE_ENDIAN)));
  }

  /**
   * Reads one file from a stream up to its end (the stream is not closed).
   *
   * @throws EdgeModelException when the file is refused
   * @throws IOException when the stream fails
   */
  public EdgeModel read(InputStream stream) throws IOException {
    byte[] header = stream.readNBytes(EdgeModelFormat.HEADER_BYTES);
    checkMagic(header, header.length);
    if (header.length < EdgeModelFormat.HEADER_BYTES) {
      throw new EdgeModelException(
          EdgeModelError.TRUNCATED, "stream ended after " + header.length + " header bytes");
    }
    long bodyLength = header(header);
    // readNBytes grows its buffer with the bytes that actually arrive, so a header that lies
    // about the length cannot make us allocate it up front.
    byte[] body = stream.readNBytes((int) bodyLength);
    if (body.length < bodyLength) {
      throw new EdgeModelException(
          EdgeModelError.TRUNCATED,
          "stream ended after " + body.length + " of " + bodyLength + " body bytes");
    }
    if (stream.read() != -1) {
      throw new EdgeModelException(
          EdgeModelError.TRAILING_DATA, "bytes follow the body the header announces");
    }
    byte[] file = new byte[header.length + body.length];
    System.arraycopy(header, 0, file, 0, header.length);
    System.arraycopy(body, 0, file, header.length, body.length);
    return read(file);
  }

  /**
   * Reads a file.
   *
   * @throws EdgeModelException when the file is refused
   * @throws IOException when it cannot be read
   */
  public EdgeModel read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > limits.maxFileBytes()) {
      throw tooLargeFile(size);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    }
  }

  private static void checkMagic(byte[] bytes, int length) {
    for (int i = 0; i < EdgeModelFormat.MAGIC.length; i++) {
      if (i >= length) {
        throw new EdgeModelException(
            EdgeModelError.TRUNCATED, "file of " + length + " bytes ends inside the magic");
      }
      if (bytes[i] != EdgeModelFormat.MAGIC[i]) {
        throw new EdgeModelException(EdgeModelError.BAD_MAGIC, "not an edge model file");
      }
    }
  }

  /** Checks version, flags and body length; returns the body length. */
  private long header(byte[] file) {
    ByteBuffer h = ByteBuffer.wrap(file, 0, EdgeModelFormat.HEADER_BYTES);
    h.order(ByteOrder.LITTLE_ENDIAN);
    int version = Short.toUnsignedInt(h.getShort(4));
    if (version != EdgeModelFormat.VERSION) {
      throw new EdgeModelException(
          EdgeModelError.UNSUPPORTED_VERSION,
          "format version " + version + ", this reader reads " + EdgeModelFormat.VERSION);
    }
    int flags = Short.toUnsignedInt(h.getShort(6));
    if (flags != 0) {
      throw new EdgeModelException(
          EdgeModelError.INVALID_VALUE, String.format("reserved flags set: %04x", flags));
    }
    long bodyLength = Integer.toUnsignedLong(h.getInt(8));
    if (EdgeModelFormat.HEADER_BYTES + bodyLength > limits.maxFileBytes()) {
      throw tooLargeFile(EdgeModelFormat.HEADER_BYTES + bodyLength);
    }
    return bodyLength;
  }

  private EdgeModelException tooLargeFile(long size) {
    return new EdgeModelException(
        EdgeModelError.TOO_LARGE,
        "file of " + size + " bytes exceeds the limit of " + limits.maxFileBytes());
  }

  private EdgeModel body(Cursor in) {
    EdgeModel.Builder model = EdgeModel.builder();
    model.name(in.text("name"));
    model.version(in.text("version"));
    int inputSize = in.units("input size");
    int outputSize = in.units("output size");
    model.outputKind(OutputKind.ofId(in.u8("output kind")));
    int reserved = in.u8("reserved");
    if (reserved != 0) {
      throw new EdgeModelException(EdgeModelError.INVALID_VALUE, "reserved byte is " + reserved);
    }
    int layerCount = in.u16("layer count");
    if (layerCount < 1 || layerCount > limits.maxLayers()) {
      throw new EdgeModelException(
          layerCount < 1 ? EdgeModelError.SHAPE_MISMATCH : EdgeModelError.TOO_LARGE,
          layerCount + " layers (allowed 1.." + limits.maxLayers() + ")");
    }
    int metadataCount = in.u16("metadata count");
    if (metadataCount > limits.maxMetadataEntries()) {
      throw new EdgeModelException(
          EdgeModelError.TOO_LARGE,
          metadataCount + " metadata pairs (allowed " + limits.maxMetadataEntries() + ")");
    }
    Set<String> keys = new HashSet<>();
    for (int k = 0; k < metadataCount; k++) {
      String key = in.text("metadata key " + k);
      if (!keys.add(key)) {
        throw new EdgeModelException(
            EdgeModelError.INVALID_VALUE, "metadata key '" + key + "' appears twice");
      }
      model.metadata(key, in.text("metadata value " + k));
    }
    float[] inMean = in.floats(inputSize, "input mean");
    float[] inStd = in.floats(inputSize, "input std");
    model.inputNormalization(new Normalization(inMean, inStd));
    float[] outMean = in.floats(outputSize, "output mean");
    float[] outStd = in.floats(outputSize, "output std");
    model.outputNormalization(new Normalization(outMean, outStd));
    for (int k = 0; k < layerCount; k++) {
      model.layer(layer(in, k));
    }
    if (in.remaining() != 0) {
      throw new EdgeModelException(
          EdgeModelError.MALFORMED, in.remaining() + " body bytes left after the last layer");
    }
    return model.build();
  }

  private DenseLayer layer(Cursor in, int k) {
    String at = "layer " + k + " ";
    int inputs = in.units(at + "inputs");
    int outputs = in.units(at + "outputs");
    Activation activation = Activation.ofId(in.u8(at + "activation"));
    int encoding = in.u8(at + "encoding");
    int reserved = in.u16(at + "reserved");
    if (reserved != 0) {
      throw new EdgeModelException(
          EdgeModelError.INVALID_VALUE, at + "reserved field is " + reserved);
    }
    long count = (long) inputs * outputs;
    LayerWeights weights =
        switch (encoding) {
          case 0 -> new Float32Weights(in.floats(count, at + "weights"));
          case 1 -> {
            float[] scales = in.floats(outputs, at + "scales");
            yield new Int8Weights(in.bytes(count, at + "weights"), scales);
          }
          default ->
              throw new EdgeModelException(
                  EdgeModelError.INVALID_VALUE, at + "unknown weight encoding " + encoding);
        };
    float[] bias = in.floats(outputs, at + "bias");
    return new DenseLayer(inputs, outputs, activation, weights, bias);
  }

  /** Reads the body, checking that each field fits in what is left before allocating it. */
  private final class Cursor {
    private final ByteBuffer buf;

    Cursor(ByteBuffer buf) {
      this.buf = buf;
    }

    int remaining() {
      return buf.remaining();
    }

    private void require(long bytes, String what) {
      if (bytes > buf.remaining()) {
        throw new EdgeModelException(
            EdgeModelError.MALFORMED,
            what + " needs " + bytes + " bytes, the body has " + buf.remaining() + " left");
      }
    }

    int u8(String what) {
      require(1, what);
      return Byte.toUnsignedInt(buf.get());
    }

    int u16(String what) {
      require(2, what);
      return Short.toUnsignedInt(buf.getShort());
    }

    int units(String what) {
      require(4, what);
      long v = Integer.toUnsignedLong(buf.getInt());
      if (v < 1) {
        throw new EdgeModelException(EdgeModelError.SHAPE_MISMATCH, what + " is 0");
      }
      if (v > limits.maxUnits()) {
        throw new EdgeModelException(
            EdgeModelError.TOO_LARGE, what + " is " + v + " (allowed " + limits.maxUnits() + ")");
      }
      return (int) v;
    }

    float[] floats(long count, String what) {
      require(4 * count, what);
      float[] v = new float[(int) count];
      buf.asFloatBuffer().get(v);
      buf.position(buf.position() + 4 * (int) count);
      return v;
    }

    byte[] bytes(long count, String what) {
      require(count, what);
      byte[] v = new byte[(int) count];
      buf.get(v);
      return v;
    }

    String text(String what) {
      int length = u16(what + " length");
      if (length > limits.maxTextBytes()) {
        throw new EdgeModelException(
            EdgeModelError.TOO_LARGE,
            what + " has " + length + " bytes (allowed " + limits.maxTextBytes() + ")");
      }
      byte[] b = bytes(length, what);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b))
            .toString();
      } catch (CharacterCodingException e) {
        throw new EdgeModelException(EdgeModelError.INVALID_VALUE, what + " is not UTF-8");
      }
    }
  }
}
