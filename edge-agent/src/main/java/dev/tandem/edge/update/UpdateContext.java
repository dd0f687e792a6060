package dev.tandem.edge.update;

import dev.tandem.protocol.signing.VerifiedSignatures;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What update clients share: one HTTP client, the executor their work runs on, and the clock. An
 * agent makes its own; a simulated fleet shares one among thousands of devices, so a device costs
 * no thread of its own (its work is serialised on the shared executor).
 */
public final class UpdateContext implements AutoCloseable {
  private final HttpClient http;
  private final Executor executor;
  private final ExecutorService owned;
  private final InstantSource clock;
  private final VerifiedSignatures verifiedSignatures;

  public UpdateContext(HttpClient http, Executor executor, InstantSource clock) {
    this(http, executor, null, clock, VerifiedSignatures.none());
  }

  /**
   * A context whose clients share {@code verifiedSignatures}: for a simulated fleet in one process,
   * where every device would verify the same signatures over the same bytes.
   */
  public UpdateContext(
      HttpClient http,
      Executor executor,
      InstantSource clock,
      VerifiedSignatures verifiedSignatures) {
    this(http, executor, null, clock, verifiedSignatures);
  }

  private UpdateContext(
      HttpClient http,
      Executor executor,
      ExecutorService owned,
      InstantSource clock,
      VerifiedSignatures verifiedSignatures) {
    this.http = Objects.requireNonNull(http, "http");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.owned = owned;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.verifiedSignatures = Objects.requireNonNull(verifiedSignatures, "verifiedSignatures");
  }

  /** A context with its own HTTP client and {@code threads} daemon worker threads. */
  public static UpdateContext create(InstantSource clock, int threads) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "tandem-update");
              t.setDaemon(true);
              return t;
            });
    return new UpdateContext(httpClient(), pool, pool, clock, VerifiedSignatures.none());
  }

  /** The HTTP client settings downloads need: HTTP/1.1 (presigned URLs sign the host only). */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  HttpClient http() {
    return http;
  }

  Executor executor() {
    return executor;
  }

  InstantSource clock() {
    return clock;
  }

  VerifiedSignatures verifiedSignatures() {
    return verifiedSignatures;
  }

  /**
   * Stops the worker threads this context made (none if the executor was given), waiting up to 5
   * seconds for the work under way. Never interrupts: an interrupt during file I/O closes the
   * channel, and the work writes the agent's outbox and model store.
   */
  @Override
  public void close() {
    if (owned != null) {
      owned.shutdown();
      try {
        owned.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
