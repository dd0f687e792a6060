package dev.tandem.registry.api;

import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes; reading past them fails with {@code PAYLOAD_TOO_LARGE}, which
 * the error mappers answer as 413.
 */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) {
    count += n;
    if (count > limit) {
      throw new RegistryException(
          ErrorCode.PAYLOAD_TOO_LARGE, "the body has more than " + limit + " bytes");
    }
  }
}
