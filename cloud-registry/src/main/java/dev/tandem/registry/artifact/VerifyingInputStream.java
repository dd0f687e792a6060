package dev.tandem.registry.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes and counts what is read through it, and refuses to pass more than {@code limit} bytes: a
 * read that would go past it throws {@link LimitExceededException}, so an oversized body is cut off
 * after one byte too many instead of being stored.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final MessageDigest digest;
  private final long limit;
  private long count;
  private boolean ended;
  private boolean exceeded;
  private boolean readFailed;

  /** Thrown when the stream has more than its limit. */
  static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  VerifyingInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (exceeded) {
      throw new LimitExceededException(limit);
    }
    // Ask for at most one byte past the limit: enough to know the body is too long.
    long allowed = limit - count + 1;
    int n;
    try {
      n = super.read(buffer, offset, (int) Math.min(length, allowed));
    } catch (IOException e) {
      readFailed = true;
      throw e;
    }
    if (n < 0) {
      ended = true;
      return n;
    }
    count += n;
    if (count > limit) {
      exceeded = true;
      throw new LimitExceededException(limit);
    }
    digest.update(buffer, offset, n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping would leave bytes unhashed");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads to the end, hashing: for bodies whose bytes are checked but not stored. */
  void drain() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (read(buffer, 0, buffer.length) >= 0) {
      // hashing and counting in read
    }
  }

  /** Whether the end of the stream was reached. */
  boolean ended() {
    return ended;
  }

  /** Whether more than the limit was offered. */
  boolean exceeded() {
    return exceeded;
  }

  /** Whether reading the underlying stream failed (the client went away, say). */
  boolean readFailed() {
    return readFailed;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** The SHA-256 of the bytes read, as hex; call once, after the end. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
