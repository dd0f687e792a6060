package dev.tandem.edge.update;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.TargetCheck;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.update.UpdateFailureReason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Downloads one artifact to its partial file and checks it against the signed target. A broken
 * transfer is resumed with an HTTP range request; the body is cut off at the first byte past the
 * signed length; the whole download, retries included, has one deadline; a 403 (expired presigned
 * URL) asks the {@link UrlRefresher} for a fresh URL once.
 */
final class ArtifactDownloader {
  private static final Logger LOG = Logger.getLogger(ArtifactDownloader.class.getName());

  /** Finds a fresh download URL for a target, e.g. from the control plane. */
  @FunctionalInterface
  interface UrlRefresher {
    Optional<URI> refresh(TargetInfo target) throws IOException, InterruptedException;
  }

  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration downloadTimeout;
  private final int attempts;

  ArtifactDownloader(
      HttpClient http, Duration connectTimeout, Duration downloadTimeout, int attempts) {
    this.http = http;
    this.connectTimeout = connectTimeout;
    this.downloadTimeout = downloadTimeout;
    this.attempts = attempts;
  }

  /**
   * Downloads {@code url} into {@code part} (resuming what is there) and checks length and sha256.
   *
   * @throws UpdateException with download_too_large, download_timeout, download_failed,
   *     length_mismatch or hash_mismatch
   */
  void download(TargetInfo target, URI url, Path part, UrlRefresher refresher)
      throws InterruptedException {
    long deadline = System.nanoTime() + downloadTimeout.toNanos();
    URI current = url;
    boolean refreshed = false;
    UpdateException last = null;
    int tries = 0;
    if (size(part) > target.length()) {
      delete(part);
    }
    while (size(part) != target.length() && tries < attempts) {
      tries++;
      try {
        fetch(current, part, target.length(), deadline);
      } catch (DownloadSink.TooLargeException e) {
        delete(part);
        throw new UpdateException(
            UpdateFailureReason.DOWNLOAD_TOO_LARGE, target.path() + ": " + e.getMessage(), e);
      } catch (TimeoutException e) {
        throw new UpdateException(
            UpdateFailureReason.DOWNLOAD_TIMEOUT,
            target.path() + ": not complete after " + downloadTimeout.toMillis() + " ms");
      } catch (DownloadSink.StatusException e) {
        if (e.status() == 403 && !refreshed) {
          Optional<URI> fresh = refresh(refresher, target);
          if (fresh.isPresent()) {
            current = fresh.get();
            refreshed = true;
            tries--;
            continue;
          }
        }
        last = failed(target, e);
        if (e.status() < 500) {
          throw last;
        }
      } catch (IOException e) {
        last = failed(target, e);
        LOG.fine(() -> "download of " + target.path() + " broke, resuming: " + e.getMessage());
      }
    }
    long have = size(part);
    if (have != target.length()) {
      if (have < target.length() && last != null) {
        throw last;
      }
      throw new UpdateException(
          UpdateFailureReason.LENGTH_MISMATCH,
          target.path() + ": got " + have + " bytes, signed length " + target.length());
    }
    try (InputStream in = Files.newInputStream(part)) {
      TargetCheck.verify(target, in);
    } catch (ProtocolException e) {
      delete(part);
      throw UpdateException.of(e);
    } catch (IOException e) {
      throw new UpdateException(
          UpdateFailureReason.STORAGE_FAILED, "cannot read " + part + ": " + e.getMessage(), e);
    }
  }

  private void fetch(URI url, Path part, long signedLength, long deadline)
      throws IOException, InterruptedException, TimeoutException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new TimeoutException();
    }
    long have = size(part);
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(connectTimeout).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    DownloadSink sink = new DownloadSink(part, signedLength);
    HttpResponse.BodyHandler<Void> handler =
        info -> {
          int status = info.statusCode();
          long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
          if (status == 206 && have > 0 && rangeStart(info.headers()) == have) {
            sink.begin(have, announced);
          } else if (status == 200) {
            sink.begin(0, announced);
          } else {
            sink.fail(new DownloadSink.StatusException(status));
          }
          return BodySubscribers.fromSubscriber(sink, s -> null);
        };
    http.sendAsync(request.build(), handler)
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                sink.fail(failure);
              }
            });
    try {
      sink.done().get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sink.cancel();
      throw e;
    } catch (InterruptedException e) {
      sink.cancel();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof java.util.concurrent.CompletionException
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause);
    }
  }

  private static long rangeStart(java.net.http.HttpHeaders headers) {
    // Content-Range: bytes 100-199/200
    return headers
        .firstValue("Content-Range")
        .filter(v -> v.startsWith("bytes ") && v.indexOf('-') > 6)
        .map(
            v -> {
              try {
                return Long.parseLong(v.substring(6, v.indexOf('-')).trim());
              } catch (NumberFormatException e) {
                return -1L;
              }
            })
        .orElse(-1L);
  }

  private Optional<URI> refresh(UrlRefresher refresher, TargetInfo target)
      throws InterruptedException {
    if (refresher == null) {
      return Optional.empty();
    }
    try {
      return refresher.refresh(target);
    } catch (IOException e) {
      LOG.warning("could not refetch the download URL of " + target.path() + ": " + e);
      return Optional.empty();
    }
  }

  private static UpdateException failed(TargetInfo target, IOException e) {
    return new UpdateException(
        UpdateFailureReason.DOWNLOAD_FAILED, target.path() + ": " + e.getMessage(), e);
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover partial file is overwritten by the next full download.
    }
  }
}
