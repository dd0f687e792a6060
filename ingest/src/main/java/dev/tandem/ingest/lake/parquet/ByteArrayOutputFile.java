package dev.tandem.ingest.lake.parquet;

import java.io.ByteArrayOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} in memory: lake files are bounded by the flush size and go to the
 * object store in one put, so neither a Hadoop FileSystem nor a temporary file is needed.
 */
final class ByteArrayOutputFile implements OutputFile {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    bytes.reset();
    return new PositionOutputStream() {
      @Override
      public long getPos() {
        return bytes.size();
      }

      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }
    };
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
