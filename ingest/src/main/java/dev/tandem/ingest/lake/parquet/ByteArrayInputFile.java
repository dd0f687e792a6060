package dev.tandem.ingest.lake.parquet;

import java.io.ByteArrayInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over bytes fetched from the object store. */
final class ByteArrayInputFile implements InputFile {
  private final byte[] bytes;

  ByteArrayInputFile(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long getLength() {
    return bytes.length;
  }

  @Override
  public SeekableInputStream newStream() {
    Stream in = new Stream(bytes);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() {
        return in.position();
      }

      @Override
      public void seek(long newPos) {
        in.seek(newPos);
      }
    };
  }

  /** A byte array stream whose position can be read and set. */
  private static final class Stream extends ByteArrayInputStream {
    Stream(byte[] bytes) {
      super(bytes);
    }

    long position() {
      return pos;
    }

    void seek(long position) {
      if (position < 0 || position > count) {
        throw new IllegalArgumentException(
            "seek to " + position + " outside a file of " + count + " bytes");
      }
      pos = (int) position;
    }
  }
}
