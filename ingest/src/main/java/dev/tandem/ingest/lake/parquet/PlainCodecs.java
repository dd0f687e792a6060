package dev.tandem.ingest.lake.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for the lake that calls snappy-java and zstd-jni directly. parquet-java's own
 * {@code CodecFactory} goes through Hadoop's codec classes, which would put Hadoop on the writer's
 * class path; these three codecs are all the lake writes.
 */
public final class PlainCodecs implements CompressionCodecFactory {
  private static final int ZSTD_LEVEL = 3;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Compressor(supported(codec));
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Decompressor(supported(codec));
  }

  @Override
  public void release() {}

  /**
   * Returns {@code codec} if this factory handles it.
   *
   * @throws IllegalArgumentException for any codec but UNCOMPRESSED, SNAPPY and ZSTD
   */
  public static CompressionCodecName supported(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
      case SNAPPY:
      case ZSTD:
        return codec;
      default:
        throw new IllegalArgumentException(
            "the lake reads and writes UNCOMPRESSED, SNAPPY and ZSTD pages, not " + codec);
    }
  }

  private static final class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      switch (codec) {
        case SNAPPY:
          return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        case ZSTD:
          return BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
        default:
          return bytes;
      }
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }

  private static final class Decompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    Decompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      return BytesInput.from(decompress(bytes.toByteArray(), decompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(decompress(compressed, decompressedSize));
    }

    private byte[] decompress(byte[] compressed, int decompressedSize) throws IOException {
      switch (codec) {
        case SNAPPY:
          byte[] out = new byte[decompressedSize];
          int n = Snappy.uncompress(compressed, 0, compressed.length, out, 0);
          if (n != decompressedSize) {
            throw new IOException(
                "SNAPPY page decompressed to " + n + " bytes, its header says " + decompressedSize);
          }
          return out;
        case ZSTD:
          return Zstd.decompress(compressed, decompressedSize);
        default:
          return compressed;
      }
    }

    @Override
    public void release() {}
  }
}
