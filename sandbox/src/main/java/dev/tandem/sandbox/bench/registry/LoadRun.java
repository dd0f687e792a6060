package dev.tandem.sandbox.bench.registry;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load: {@code users} requests in flight at all times, each user sending its next
 * request as soon as its last one answered, over HTTP/1.1 keep-alive connections (one per user).
 * The client is Vert.x on a single event loop: it shares the machine with the server, so it must
 * cost little CPU per request (the JDK's HttpClient cost about 1 ms each, a third of the total).
 * Requests before the warm-up ends are sent but not counted.
 */
record LoadRun(URI base, RequestMix mix, int users, Duration warmUp, Duration measure) {

  LoadRun {
    if (users < 1) {
      throw new IllegalArgumentException("users must be >= 1, got " + users);
    }
  }

  /**
   * Result of the measured window.
   *
   * @param seconds length of the measured window
   */
  record Result(Map<Endpoint, Latencies> perEndpoint, double seconds) {
    Result {
      // Only what the mix sent.
      perEndpoint = new EnumMap<>(perEndpoint);
      perEndpoint.values().removeIf(l -> l.count() == 0 && l.errors() == 0);
    }

    long requests() {
      return perEndpoint.values().stream().mapToLong(Latencies::count).sum();
    }

    double deviceFacingPerSecond() {
      return perEndpoint.entrySet().stream()
              .filter(e -> e.getKey().deviceFacing())
              .mapToLong(e -> e.getValue().count())
              .sum()
          / seconds;
    }
  }

  Result run(CpuMeter meter) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      HttpClient client =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setDefaultHost(base.getHost())
                  .setDefaultPort(base.getPort())
                  .setKeepAlive(true)
                  .setConnectTimeout(5_000),
              new PoolOptions().setHttp1MaxSize(users));
      // All callbacks run on the one event loop: the latencies need no locking.
      Map<Endpoint, Latencies> latencies = new EnumMap<>(Endpoint.class);
      for (Endpoint e : Endpoint.values()) {
        latencies.put(e, new Latencies());
      }
      Window window = new Window(System.nanoTime() + warmUp.toNanos(), measure.toNanos());
      CountDownLatch stopped = new CountDownLatch(users);
      for (int u = 0; u < users; u++) {
        SplittableRandom random = new SplittableRandom(u * 7919L + 17);
        vertx.runOnContext(ignored -> next(client, random, latencies, window, stopped));
      }
      Thread.sleep(Math.max(0, Duration.ofNanos(window.from() - System.nanoTime()).toMillis()));
      meter.start();
      Thread.sleep(Math.max(0, Duration.ofNanos(window.to() - System.nanoTime()).toMillis() + 1));
      meter.stop();
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("requests still open 30 s after the measured window");
      }
      return new Result(latencies, measure.toNanos() / 1e9);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** The measured window, in {@link System#nanoTime()}. */
  private record Window(long from, long length) {
    long to() {
      return from + length;
    }

    boolean contains(long nanos) {
      return nanos >= from && nanos < to();
    }
  }

  /** One user's next request, then the one after it, until the window is over. */
  private void next(
      HttpClient client,
      SplittableRandom random,
      Map<Endpoint, Latencies> latencies,
      Window window,
      CountDownLatch stopped) {
    if (System.nanoTime() >= window.to()) {
      stopped.countDown();
      return;
    }
    RequestMix.Request drawn = mix.next(random);
    Endpoint endpoint = drawn.endpoint();
    long start = System.nanoTime();
    client
        .request(get(drawn.path(), drawn.token()))
        .compose(r -> r.send())
        .compose(
            response ->
                response.body().map(body -> response.statusCode() == 200 && body.length() > 0))
        .recover(failure -> Future.succeededFuture(false))
        .onComplete(
            outcome -> {
              long end = System.nanoTime();
              // Counted when it finished inside the window.
              if (window.contains(end)) {
                if (outcome.result()) {
                  latencies.get(endpoint).record(end - start);
                } else {
                  latencies.get(endpoint).error();
                }
              }
              next(client, random, latencies, window, stopped);
            });
  }

  private static RequestOptions get(String path, String token) {
    return new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setURI(path)
        .setTimeout(10_000)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "application/json");
  }
}
