package dev.tandem.edge.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Writes one HTTP response body to the partial file, one buffer list at a time, and cuts the
 * download off at the first byte past the signed length. Runs on the HTTP client's threads; the
 * caller waits on {@link #done()} with its own deadline and {@link #cancel()}s on time-out.
 */
final class DownloadSink implements Flow.Subscriber<List<ByteBuffer>> {

  /** The server sent more than the signed length. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** The server answered with a status that is not a body to save. */
  static final class StatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    StatusException(int status) {
      super("HTTP status " + status);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private final Path file;
  private final long signedLength;
  private final CompletableFuture<Long> done = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile FileChannel channel;
  private long position;

  DownloadSink(Path file, long signedLength) {
    this.file = file;
    this.signedLength = signedLength;
  }

  /** Completes with the file's length, or exceptionally. */
  CompletableFuture<Long> done() {
    return done;
  }

  /**
   * Opens the file for a body that starts at {@code offset} (0 for a full response: the file is
   * truncated). Refuses at once a body whose announced length does not fit the signed length.
   */
  void begin(long offset, long announcedLength) {
    if (announcedLength >= 0 && offset + announcedLength > signedLength) {
      fail(
          new TooLargeException(
              "server announced "
                  + (offset + announcedLength)
                  + " bytes but the signed length is "
                  + signedLength));
      return;
    }
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (offset == 0) {
        channel.truncate(0);
      }
      position = offset;
    } catch (IOException e) {
      fail(e);
    }
  }

  void fail(Throwable failure) {
    if (done.completeExceptionally(failure)) {
      cancel();
    }
  }

  /** Stops the transfer: the HTTP client closes the connection. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    closeChannel();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (done.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (done.isDone()) {
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        if (position + buffer.remaining() > signedLength) {
          throw new TooLargeException(
              "server sent more than the signed length of " + signedLength + " bytes; cut off");
        }
        while (buffer.hasRemaining()) {
          position += channel.write(buffer, position);
        }
      }
      subscription.request(1);
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    closeChannel();
    done.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    closeChannel();
    done.complete(position);
  }

  private synchronized void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to write; the length check catches a short file.
      }
      channel = null;
    }
  }
}
