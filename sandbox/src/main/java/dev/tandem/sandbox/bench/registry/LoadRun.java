package dev.tandem.sandbox.bench.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load: {@code users} threads, each sending its next request as soon as the last one
 * answered, over HTTP/1.1 keep-alive connections of the JDK client. Requests before the warm-up
 * ends are sent but not counted.
 *
 * @param deviceShare percent of requests that are {@link Endpoint#DEVICE_DESIRED}
 * @param urlShare percent that are {@link Endpoint#ARTIFACT_URL}; the rest list models
 */
record LoadRun(
    URI base,
    Seed seed,
    int users,
    Duration warmUp,
    Duration measure,
    int deviceShare,
    int urlShare) {

  LoadRun {
    if (users < 1 || deviceShare < 0 || urlShare < 0 || deviceShare + urlShare > 100) {
      throw new IllegalArgumentException(
          "users must be >= 1 and the shares 0-100 in all, got users "
              + users
              + ", shares "
              + deviceShare
              + "/"
              + urlShare);
    }
  }

  /**
   * Result of the measured window.
   *
   * @param seconds length of the measured window
   */
  record Result(Map<Endpoint, Latencies> perEndpoint, double seconds) {}

  Result run(CpuMeter meter) throws InterruptedException {
    // Several clients, so that one client's selector thread does not become the bottleneck.
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < Math.max(1, users / 8); i++) {
      clients.add(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build());
    }
    AtomicBoolean stop = new AtomicBoolean();
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long measureTo = measureFrom + measure.toNanos();
    List<Map<Endpoint, Latencies>> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      Map<Endpoint, Latencies> mine = new EnumMap<>(Endpoint.class);
      for (Endpoint e : Endpoint.values()) {
        mine.put(e, new Latencies());
      }
      perThread.add(mine);
      HttpClient client = clients.get(u % clients.size());
      long seedValue = u * 7919L + 17;
      Thread thread =
          new Thread(
              () ->
                  user(client, new SplittableRandom(seedValue), mine, stop, measureFrom, measureTo),
              "bench-user-" + u);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    Thread.sleep(Math.max(0, Duration.ofNanos(measureFrom - System.nanoTime()).toMillis()));
    meter.start();
    Thread.sleep(Math.max(0, Duration.ofNanos(measureTo - System.nanoTime()).toMillis() + 1));
    meter.stop();
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    Map<Endpoint, Latencies> merged = new EnumMap<>(Endpoint.class);
    for (Endpoint e : Endpoint.values()) {
      Latencies all = new Latencies();
      for (Map<Endpoint, Latencies> mine : perThread) {
        all.addAll(mine.get(e));
      }
      merged.put(e, all);
    }
    return new Result(merged, measure.toNanos() / 1e9);
  }

  private void user(
      HttpClient client,
      SplittableRandom random,
      Map<Endpoint, Latencies> mine,
      AtomicBoolean stop,
      long measureFrom,
      long measureTo) {
    while (!stop.get()) {
      int dice = random.nextInt(100);
      Endpoint endpoint;
      HttpRequest request;
      if (dice < deviceShare) {
        endpoint = Endpoint.DEVICE_DESIRED;
        request = get("/api/v1/device/desired", pick(random, seed.deviceTokens()));
      } else if (dice < deviceShare + urlShare) {
        endpoint = Endpoint.ARTIFACT_URL;
        request = get(pick(random, seed.downloadPaths()), seed.viewerToken());
      } else {
        endpoint = Endpoint.LIST_MODELS;
        request = get("/api/v1/models", seed.viewerToken());
      }
      long start = System.nanoTime();
      boolean ok;
      try {
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        ok = response.statusCode() == 200 && response.body().length > 0;
      } catch (java.io.IOException e) {
        ok = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long end = System.nanoTime();
      // Counted when it finished inside the window.
      if (end >= measureFrom && end < measureTo) {
        if (ok) {
          mine.get(endpoint).record(end - start);
        } else {
          mine.get(endpoint).error();
        }
      }
    }
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
